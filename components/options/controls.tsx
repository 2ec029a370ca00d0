import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';

/** Label on the left, one line of help under it, the control on the right. */
function Row({
  id,
  label,
  help,
  disabled,
  children,
}: {
  id: string;
  label: string;
  help: string;
  disabled?: boolean;
  children: ComponentChildren;
}) {
  return (
    <div class={disabled ? 'option-row is-disabled' : 'option-row'}>
      <label class="option-label" for={id}>
        {label}
      </label>
      <p class="option-help" id={`${id}-help`}>
        {help}
      </p>
      <div class="option-control">{children}</div>
    </div>
  );
}

interface SwitchProps {
  id: string;
  label: string;
  help: string;
  checked: boolean;
  disabled?: boolean;
  onChange: (checked: boolean) => void;
}

/** A native checkbox announced as a switch. */
export function Switch({ id, label, help, checked, disabled, onChange }: SwitchProps) {
  return (
    <Row id={id} label={label} help={help} disabled={disabled}>
      <input
        id={id}
        class="switch"
        type="checkbox"
        role="switch"
        checked={checked}
        disabled={disabled}
        aria-describedby={`${id}-help`}
        onChange={(event) => onChange(event.currentTarget.checked)}
      />
    </Row>
  );
}

export interface Choice<T> {
  value: T;
  label: string;
  /** Language of the label when it differs from the page's, such as "English". */
  lang?: string;
}

interface ChoiceProps<T> {
  id: string;
  label: string;
  help: string;
  value: T;
  choices: readonly Choice<T>[];
  disabled?: boolean;
  onChange: (value: T) => void;
}

/** Radio buttons in a fieldset, drawn as a segmented control. */
export function RadioGroup<T extends string>({
  id,
  label,
  help,
  value,
  choices,
  disabled,
  onChange,
}: ChoiceProps<T>) {
  return (
    <fieldset
      role="radiogroup"
      class={disabled ? 'option-row stacked is-disabled' : 'option-row stacked'}
      disabled={disabled}
      aria-describedby={`${id}-help`}
    >
      {/* The legend stays the fieldset's first child so it names the group. */}
      <legend class="option-label">{label}</legend>
      <p class="option-help" id={`${id}-help`}>
        {help}
      </p>
      <div class="option-control segmented">
        {choices.map((choice) => (
          <label key={choice.value} class="segment">
            <input
              type="radio"
              name={id}
              value={choice.value}
              checked={choice.value === value}
              onChange={() => onChange(choice.value)}
            />
            <span lang={choice.lang}>{choice.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** A native select; option values are strings, so the picked choice is looked up again. */
export function Select<T extends string | number>({
  id,
  label,
  help,
  value,
  choices,
  disabled,
  onChange,
}: ChoiceProps<T>) {
  return (
    <Row id={id} label={label} help={help} disabled={disabled}>
      <select
        id={id}
        class="select"
        value={String(value)}
        disabled={disabled}
        aria-describedby={`${id}-help`}
        onChange={(event) => {
          const picked = choices.find(
            (choice) => String(choice.value) === event.currentTarget.value,
          );
          if (picked) onChange(picked.value);
        }}
      >
        {choices.map((choice) => (
          <option key={choice.value} value={String(choice.value)}>
            {choice.label}
          </option>
        ))}
      </select>
    </Row>
  );
}

interface RangeProps {
  id: string;
  label: string;
  help: string;
  value: number;
  min: number;
  max: number;
  format: (value: number) => string;
  /** Every step while dragging, before it is saved. */
  onDraft?: (value: number) => void;
  onChange: (value: number) => void;
}

/** A slider whose value shows live while dragging; it is saved when released. */
export function Range({ id, label, help, value, min, max, format, onDraft, onChange }: RangeProps) {
  // Only set between a drag's first step and its release; otherwise the saved value shows.
  const [draft, setDraft] = useState<number | null>(null);
  const shown = draft ?? value;
  return (
    <Row id={id} label={label} help={help}>
      <div class="range">
        <input
          id={id}
          type="range"
          min={min}
          max={max}
          step={1}
          value={shown}
          aria-describedby={`${id}-help`}
          aria-valuetext={format(shown)}
          onInput={(event) => {
            setDraft(Number(event.currentTarget.value));
            onDraft?.(Number(event.currentTarget.value));
          }}
          onChange={(event) => {
            setDraft(null);
            onChange(Number(event.currentTarget.value));
          }}
        />
        <output class="range-value" for={id} aria-hidden="true">
          {format(shown)}
        </output>
      </div>
    </Row>
  );
}
