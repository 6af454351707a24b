import { describe, expect, it } from "vitest";
import {
  acs3CanonicalRequest,
  acs3Date,
  acs3Signature,
  acs3StringToSign,
  canonicalQueryString,
  percentEncode,
  rpcSignature,
  rpcStringToSign,
  sha256Hex,
  signAcs3,
} from "./aliyun-signature";

describe("percentEncode (RFC 3986, as Aliyun specifies)", () => {
  it("leaves only unreserved characters alone", () => {
    expect(percentEncode("AZaz09-_.~")).toBe("AZaz09-_.~");
    expect(percentEncode(" !'()*+/=&:\"")).toBe("%20%21%27%28%29%2A%2B%2F%3D%26%3A%22");
    expect(percentEncode("会计")).toBe("%E4%BC%9A%E8%AE%A1");
  });

  it("sorts parameters by name", () => {
    expect(canonicalQueryString({ b: "2", a: "1 1", B: "0" })).toBe("B=0&a=1%201&b=2");
  });
});

describe("V2 / RPC HMAC-SHA1: Aliyun's published examples", () => {
  /**
   * The SendSms example of Aliyun SMS's 签名机制 page (https://help.aliyun.com/document_detail/101343.htm):
   * AccessKeyId testId, AccessKeySecret testSecret, fixed nonce and timestamp, GET.
   */
  const sendSmsParams = {
    SignatureMethod: "HMAC-SHA1",
    SignatureNonce: "45e25e9b-0a6f-4070-8c85-2956eda1b466",
    AccessKeyId: "testId",
    SignatureVersion: "1.0",
    Timestamp: "2017-07-12T02:42:19Z",
    Format: "XML",
    Action: "SendSms",
    Version: "2017-05-25",
    RegionId: "cn-hangzhou",
    PhoneNumbers: "15300000001",
    SignName: "阿里云短信测试专用",
    TemplateParam: '{"customer":"test"}',
    TemplateCode: "SMS_71390007",
    OutId: "123",
  };

  it("SendSms: canonical query, StringToSign and Signature zJDF+Lrzhj/ThnlvIToysFRq6t4=", () => {
    expect(canonicalQueryString(sendSmsParams)).toBe(
      "AccessKeyId=testId&Action=SendSms&Format=XML&OutId=123&PhoneNumbers=15300000001&RegionId=cn-hangzhou" +
        "&SignName=%E9%98%BF%E9%87%8C%E4%BA%91%E7%9F%AD%E4%BF%A1%E6%B5%8B%E8%AF%95%E4%B8%93%E7%94%A8" +
        "&SignatureMethod=HMAC-SHA1&SignatureNonce=45e25e9b-0a6f-4070-8c85-2956eda1b466&SignatureVersion=1.0" +
        "&TemplateCode=SMS_71390007&TemplateParam=%7B%22customer%22%3A%22test%22%7D" +
        "&Timestamp=2017-07-12T02%3A42%3A19Z&Version=2017-05-25",
    );
    const stringToSign = rpcStringToSign("GET", sendSmsParams);
    expect(stringToSign).toBe(
      "GET&%2F&AccessKeyId%3DtestId%26Action%3DSendSms%26Format%3DXML%26OutId%3D123%26PhoneNumbers%3D15300000001" +
        "%26RegionId%3Dcn-hangzhou%26SignName%3D%25E9%2598%25BF%25E9%2587%258C%25E4%25BA%2591%25E7%259F%25AD" +
        "%25E4%25BF%25A1%25E6%25B5%258B%25E8%25AF%2595%25E4%25B8%2593%25E7%2594%25A8%26SignatureMethod%3DHMAC-SHA1" +
        "%26SignatureNonce%3D45e25e9b-0a6f-4070-8c85-2956eda1b466%26SignatureVersion%3D1.0%26TemplateCode%3DSMS_71390007" +
        "%26TemplateParam%3D%257B%2522customer%2522%253A%2522test%2522%257D%26Timestamp%3D2017-07-12T02%253A42%253A19Z" +
        "%26Version%3D2017-05-25",
    );
    expect(rpcSignature(stringToSign, "testSecret")).toBe("zJDF+Lrzhj/ThnlvIToysFRq6t4=");
  });

  /**
   * The generic RPC example (DescribeRegions, AccessKeySecret "testsecret", HMAC key
   * "testsecret&") whose result appears in every Aliyun 签名机制 page's overview URL as
   * `Signature=CT9X0VtwR86fNWSnsc6v8YGOjuE%3D`, e.g. https://help.aliyun.com/en/document_detail/145075.html;
   * the worked example itself: https://developer.aliyun.com/ask/210168 (API 签名机制（示例）).
   */
  it("DescribeRegions: Signature CT9X0VtwR86fNWSnsc6v8YGOjuE=", () => {
    const params = {
      TimeStamp: "2016-02-23T12:46:24Z",
      Format: "XML",
      AccessKeyId: "testid",
      Action: "DescribeRegions",
      SignatureMethod: "HMAC-SHA1",
      SignatureNonce: "3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf",
      Version: "2014-05-26",
      SignatureVersion: "1.0",
    };
    const stringToSign = rpcStringToSign("GET", params);
    expect(stringToSign).toBe(
      "GET&%2F&AccessKeyId%3Dtestid%26Action%3DDescribeRegions%26Format%3DXML%26SignatureMethod%3DHMAC-SHA1" +
        "%26SignatureNonce%3D3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf%26SignatureVersion%3D1.0" +
        "%26TimeStamp%3D2016-02-23T12%253A46%253A24Z%26Version%3D2014-05-26",
    );
    expect(rpcSignature(stringToSign, "testsecret")).toBe("CT9X0VtwR86fNWSnsc6v8YGOjuE=");
  });
});

describe("V3 / ACS3-HMAC-SHA256: Aliyun's fixed-value example", () => {
  /**
   * 固定参数值示例 of https://help.aliyun.com/zh/sdk/product-overview/v3-request-structure-and-signature
   * (also https://help.aliyun.com/zh/functioncompute/fc/developer-reference/signature-mechanism):
   * ECS RunInstances, AccessKeyId YourAccessKeyId, AccessKeySecret YourAccessKeySecret.
   */
  const example = {
    method: "POST",
    canonicalUri: "/",
    query: {
      RegionId: "cn-shanghai",
      ImageId: "win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd",
    },
    headers: {
      host: "ecs.cn-shanghai.aliyuncs.com",
      "x-acs-action": "RunInstances",
      "x-acs-version": "2014-05-26",
      "x-acs-date": "2023-10-26T10:22:32Z",
      "x-acs-signature-nonce": "3156853299f313e23d1673dc12e1703d",
    },
    body: "",
    accessKeyId: "YourAccessKeyId",
    accessKeySecret: "YourAccessKeySecret",
  };
  const EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

  it("builds the documented canonical request, its hash and the signature", () => {
    expect(sha256Hex("")).toBe(EMPTY_SHA256);
    const { canonicalRequest, signedHeaders } = acs3CanonicalRequest({
      ...example,
      headers: {
        ...example.headers,
        "x-acs-content-sha256": EMPTY_SHA256,
        "user-agent": "not signed",
      },
      hashedPayload: EMPTY_SHA256,
    });
    expect(canonicalRequest).toBe(
      [
        "POST",
        "/",
        "ImageId=win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd&RegionId=cn-shanghai",
        "host:ecs.cn-shanghai.aliyuncs.com",
        "x-acs-action:RunInstances",
        `x-acs-content-sha256:${EMPTY_SHA256}`,
        "x-acs-date:2023-10-26T10:22:32Z",
        "x-acs-signature-nonce:3156853299f313e23d1673dc12e1703d",
        "x-acs-version:2014-05-26",
        "",
        "host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version",
        EMPTY_SHA256,
      ].join("\n"),
    );
    expect(signedHeaders).toBe(
      "host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version",
    );
    const stringToSign = acs3StringToSign(canonicalRequest);
    expect(stringToSign).toBe(
      "ACS3-HMAC-SHA256\n7ea06492da5221eba5297e897ce16e55f964061054b7695beedaac1145b1e259",
    );
    expect(acs3Signature(stringToSign, "YourAccessKeySecret")).toBe(
      "06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0",
    );
  });

  it("produces the documented Authorization header end to end", () => {
    const headers = signAcs3(example);
    expect(headers["x-acs-content-sha256"]).toBe(EMPTY_SHA256);
    expect(headers.authorization).toBe(
      "ACS3-HMAC-SHA256 Credential=YourAccessKeyId,SignedHeaders=host;x-acs-action;x-acs-content-sha256;" +
        "x-acs-date;x-acs-signature-nonce;x-acs-version,Signature=06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0",
    );
  });

  it("formats x-acs-date to the second in UTC", () => {
    expect(acs3Date(new Date("2023-10-26T18:22:32.789+08:00"))).toBe("2023-10-26T10:22:32Z");
  });
});
