import { Plural, Trans, useLingui } from '@lingui/react/macro';
import { Button } from '../../components/button';
import { formatJsonForEditing } from '../../lib/json-value';
import { useFullVariableValue } from './use-full-variable-value';

interface VariableValueProps {
  id: string;
  name: string;
  previewValue: string;
  isValueTruncated: boolean;
}

/** A variable's decoded value; a cut preview offers to load the rest. */
export function VariableValue({
  id,
  name,
  previewValue,
  isValueTruncated,
}: VariableValueProps) {
  const { t } = useLingui();
  const full = useFullVariableValue(id);
  const shownLength = previewValue.length;
  const text = full.value ?? previewValue;
  const shown =
    full.value !== null || !isValueTruncated
      ? formatJsonForEditing(text)
      : text;
  return (
    <div className="variable-value">
      <pre className="variable-value__text">
        {shown}
        {isValueTruncated && full.value === null ? '…' : null}
      </pre>
      {isValueTruncated && full.value === null ? (
        <>
          <p className="hint">
            <Plural
              value={shownLength}
              one="Only the first # character is shown."
              other="Only the first # characters are shown."
            />
          </p>
          <Button
            variant="secondary"
            size="small"
            isPending={full.loading}
            onPress={() => void full.load()}
            aria-label={t`Load the full value of ${name}`}
          >
            <Trans>Load full value</Trans>
          </Button>
          {full.failed ? (
            <p className="inline-error" role="alert">
              <Trans>The full value could not be loaded. Try again.</Trans>
            </p>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
