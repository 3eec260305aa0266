interface JsonFieldProps {
  id: string;
  /** Read by screen readers only; the table's header names the column. */
  label: string;
  value: string;
  error: string | undefined;
  onChange: (value: string) => void;
}

/** A textarea for one variable's JSON text, with its error below it. */
export function JsonField({
  id,
  label,
  value,
  error,
  onChange,
}: JsonFieldProps) {
  const errorId = `${id}-error`;
  return (
    <div className="field">
      <label htmlFor={id} className="visually-hidden">
        {label}
      </label>
      <textarea
        id={id}
        className="input input--code"
        rows={Math.min(8, value.split('\n').length + 1)}
        value={value}
        spellCheck={false}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        onChange={(e) => {
          onChange(e.target.value);
        }}
      />
      {error ? (
        <p className="inline-error" id={errorId}>
          {error}
        </p>
      ) : null}
    </div>
  );
}
