"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { FormField, fieldAria } from "@/components/ui/form-field";
import { NativeSelect } from "@/components/ui/native-select";
import { cityOf, type JurisdictionRegions } from "@/lib/region/jurisdiction-regions";

/**
 * A county of a division table (调入地): city, then county; a city without counties (东莞) is
 * itself the choice. `value` is the chosen leaf ("" until chosen); without `regions` (the table
 * is still loading, or depends on an earlier choice) it is shown disabled with `waiting`.
 */
export function CountyPicker({
  id,
  label,
  hint,
  regions,
  value,
  onChange,
  error,
  waiting,
}: {
  id: string;
  label: string;
  hint?: string;
  regions: JurisdictionRegions | null;
  value: string;
  onChange: (code: string) => void;
  error?: string;
  waiting?: string;
}) {
  const t = useTranslations("Common");
  const [pickedCity, setPickedCity] = useState("");
  const city = regions
    ? (cityOf(regions, value) ?? regions.cities.find((c) => c.code === pickedCity))
    : undefined;
  return (
    <FormField id={id} label={label} required error={error} hint={hint}>
      <div className="grid gap-3 sm:grid-cols-2">
        <NativeSelect
          {...fieldAria(id, error, { hint: Boolean(hint) })}
          aria-label={t("cityOf", { label })}
          placeholder={regions ? t("chooseCity") : (waiting ?? t("chooseProvinceFirst"))}
          disabled={!regions}
          value={city?.code ?? ""}
          onChange={(e) => {
            const next = regions?.cities.find((c) => c.code === e.target.value);
            setPickedCity(next?.code ?? "");
            onChange(next && next.counties.length === 0 ? next.code : "");
          }}
        >
          {regions?.cities.map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
            </option>
          ))}
        </NativeSelect>
        {city && city.counties.length > 0 && (
          <NativeSelect
            aria-label={t("countyOf", { label })}
            aria-invalid={error ? true : undefined}
            placeholder={t("chooseCounty")}
            value={city.counties.some((k) => k.code === value) ? value : ""}
            onChange={(e) => onChange(e.target.value)}
          >
            {city.counties.map((k) => (
              <option key={k.code} value={k.code}>
                {k.name}
              </option>
            ))}
          </NativeSelect>
        )}
      </div>
    </FormField>
  );
}
