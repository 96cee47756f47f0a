import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";

/**
 * A labelled select that filters a list: "all" (the empty value) first, then the options. It
 * keeps its value in a plain form field, so GET forms carry it in the URL.
 */
export function FilterSelect({
  id,
  name,
  label,
  allLabel,
  value,
  options,
  className,
}: {
  id: string;
  name: string;
  label: string;
  allLabel: string;
  /** The chosen value; "" (or undefined) for all. */
  value: string | undefined;
  options: readonly { value: string | number; label: string }[];
  /** Of the select, e.g. a fixed width. */
  className?: string;
}) {
  return (
    <div className="grid gap-2">
      <Label htmlFor={id}>{label}</Label>
      <NativeSelect id={id} name={name} defaultValue={value ?? ""} className={className}>
        <option value="">{allLabel}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </NativeSelect>
    </div>
  );
}
