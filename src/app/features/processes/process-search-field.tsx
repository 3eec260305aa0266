import { Trans } from '@lingui/react/macro';
import { useEffect, useId, useState } from 'react';

interface ProcessSearchFieldProps {
  /** The search in the URL. */
  value: string;
  /** Called once typing pauses, or at once on Enter. */
  onSearch: (text: string) => void;
  /** Pause after the last keystroke before searching. */
  debounceMs?: number;
}

/** The free-text search of `/processes`; what is typed is never taken away. */
export function ProcessSearchField({
  value,
  onSearch,
  debounceMs = 300,
}: ProcessSearchFieldProps) {
  const id = useId();
  const [text, setText] = useState(value);
  const [shown, setShown] = useState(value);
  // The URL changed from outside (back button, a link): show its search.
  if (value !== shown) {
    setShown(value);
    if (value !== text.trim()) setText(value);
  }

  useEffect(() => {
    if (text.trim() === value) return;
    const timer = setTimeout(() => {
      onSearch(text.trim());
    }, debounceMs);
    return () => {
      clearTimeout(timer);
    };
  }, [text, value, onSearch, debounceMs]);

  return (
    <form
      role="search"
      className="process-search"
      onSubmit={(event) => {
        event.preventDefault();
        onSearch(text.trim());
      }}
    >
      <label htmlFor={id} className="process-search__label">
        <Trans>Search processes</Trans>
      </label>
      <input
        id={id}
        type="search"
        className="input process-search__input"
        value={text}
        maxLength={200}
        autoComplete="off"
        onChange={(event) => {
          setText(event.target.value);
        }}
      />
    </form>
  );
}
