import { NativeSelect, type NativeSelectProps } from "@/components/ui/native-select";
import type { OfficeGroup } from "@/lib/staff/staff-admin-offices";

/**
 * 所属单位: the offices a 管理员 may choose (their own and those below), grouped by city — one
 * native select, the phone's own picker, for 新建账号 and the list's filter.
 */
export function OfficeSelect({ groups, ...props }: { groups: OfficeGroup[] } & NativeSelectProps) {
  return (
    <NativeSelect {...props}>
      {groups.map((g) => (
        <optgroup key={g.label} label={g.label}>
          {g.offices.map((o) => (
            <option key={o.code} value={o.code}>
              {o.name}
            </option>
          ))}
        </optgroup>
      ))}
    </NativeSelect>
  );
}
