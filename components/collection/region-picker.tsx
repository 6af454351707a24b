"use client";

import { useState } from "react";
import { useSourceText } from "@/components/i18n/use-source-text";
import { FormField, fieldAria } from "@/components/ui/form-field";
import { NativeSelect } from "@/components/ui/native-select";
import { cityOf, type JurisdictionRegions } from "@/lib/region/jurisdiction-regions";

/**
 * 所属行政区划: city, then county, within the platform's jurisdiction. A city without a county
 * level (东莞, 中山) is itself the choice. `value` is the chosen leaf code ("" until one is chosen).
 * `rule` is the manual's sentence for the current 在岗状态, shown next to the picker. Its words
 * and `rule` are Chinese, shown in the reader's language through the domain's catalogue (信息变更
 * shares it: see components/form/nested-fields.tsx); the regions' names stay as they are.
 */
export function RegionPicker({
  id,
  regions,
  value,
  onChange,
  onBlur,
  rule,
  error,
  disabled = false,
}: {
  id: string;
  regions: JurisdictionRegions;
  value: string;
  onChange: (code: string) => void;
  onBlur?: () => void;
  rule: string;
  error?: string;
  /** Shown but not changeable (信息变更's region lock: `rule` then says why). */
  disabled?: boolean;
}) {
  const text = useSourceText();
  // The city chosen before its county: held here, since the value is only ever a leaf.
  const [pickedCity, setPickedCity] = useState("");
  const city = cityOf(regions, value) ?? regions.cities.find((c) => c.code === pickedCity);
  const hasCounties = (city?.counties.length ?? 0) > 0;
  return (
    <FormField id={id} label={text("所属行政区划")} required error={error} hint={text(rule)}>
      <div className="grid gap-3 sm:grid-cols-2">
        <NativeSelect
          {...fieldAria(id, error, { hint: true })}
          aria-label={text("所属行政区划（市）")}
          placeholder={text("请选择市")}
          disabled={disabled}
          value={city?.code ?? ""}
          onChange={(e) => {
            const next = regions.cities.find((c) => c.code === e.target.value);
            setPickedCity(next?.code ?? "");
            // A city without counties is the answer; otherwise the county is still to come.
            onChange(next && next.counties.length === 0 ? next.code : "");
          }}
          onBlur={onBlur}
        >
          {regions.cities.map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
            </option>
          ))}
        </NativeSelect>
        {hasCounties && (
          <NativeSelect
            id={`${id}-county`}
            aria-label={text("所属行政区划（区县）")}
            aria-invalid={error ? true : undefined}
            placeholder={text("请选择区县")}
            disabled={disabled}
            value={city?.counties.some((c) => c.code === value) ? value : ""}
            onChange={(e) => onChange(e.target.value)}
            onBlur={onBlur}
          >
            {city!.counties.map((c) => (
              <option key={c.code} value={c.code}>
                {c.name}
              </option>
            ))}
          </NativeSelect>
        )}
      </div>
    </FormField>
  );
}
