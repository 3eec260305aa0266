import { Trans, useLingui } from '@lingui/react/macro';
import { useQuery } from '@apollo/client/react';
import { useMemo } from 'react';
import {
  Button as AriaButton,
  ComboBox,
  Input,
  Label,
  ListBox,
  ListBoxItem,
  Popover,
  Text,
} from 'react-aria-components';
import { TASK_FILTER_PROCESSES_QUERY } from './filter-processes-query';
import {
  ANY_PROCESS,
  processItems,
  type ProcessItem as Item,
} from './process-items';
import { AriaLocale } from '../../i18n/aria-locale';

function Options() {
  return (
    <Popover className="popover combo__popover">
      <ListBox<Item> className="listbox">
        {(item) => (
          <ListBoxItem
            id={item.id}
            textValue={item.label}
            className="listbox__item"
          >
            {item.label}
          </ListBoxItem>
        )}
      </ListBox>
    </Popover>
  );
}

/** `Process`: a searchable list of the processes Tasklist knows. */
export function ProcessField({
  value,
  onChange,
}: {
  value: string;
  onChange: (processKey: string) => void;
}) {
  const { t, i18n } = useLingui();
  const { data, error } = useQuery(TASK_FILTER_PROCESSES_QUERY);
  const processes = data?.processes;
  // Named in the active language, so made again when it changes.
  const { locale } = i18n;
  const items = useMemo(
    () => processItems(processes ?? [], value, locale),
    [processes, value, locale],
  );
  if (!processes && !error) {
    return (
      <div className="form-field">
        <label className="form-field__label" htmlFor="filter-process-loading">
          <Trans>Process</Trans>
        </label>
        <input
          id="filter-process-loading"
          className="input"
          disabled
          value={t`Loading processes…`}
          readOnly
        />
      </div>
    );
  }
  return (
    <AriaLocale>
      <ComboBox<Item>
        className="form-field combo"
        defaultItems={items}
        value={value || ANY_PROCESS}
        onChange={(key) => {
          onChange(key === null || key === ANY_PROCESS ? '' : String(key));
        }}
        menuTrigger="focus"
      >
        <Label className="form-field__label">
          <Trans>Process</Trans>
        </Label>
        <div className="combo__field">
          <Input className="input" />
          <AriaButton className="combo__button" aria-label={t`Show options`}>
            ▾
          </AriaButton>
        </div>
        <Text slot="description" className="form-field__hint">
          {error
            ? t`The processes could not be loaded. You can still filter by everything else.`
            : t`Type to search. Tasklist matches the version listed here, the latest.`}
        </Text>
        <Options />
      </ComboBox>
    </AriaLocale>
  );
}

/** `Candidate group`: the user's groups offered first, any group typed. */
export function CandidateGroupField({
  value,
  groups,
  error,
  onChange,
}: {
  value: string;
  groups: readonly string[];
  error: string | undefined;
  onChange: (group: string) => void;
}) {
  const { t } = useLingui();
  const items = useMemo(
    () => groups.map((group): Item => ({ id: group, label: group })),
    [groups],
  );
  return (
    <AriaLocale>
      <ComboBox<Item>
        className="form-field combo"
        defaultItems={items}
        allowsCustomValue
        inputValue={value}
        onInputChange={onChange}
        menuTrigger="focus"
        isInvalid={Boolean(error)}
      >
        <Label className="form-field__label">
          <Trans>Candidate group</Trans>
        </Label>
        <div className="combo__field">
          <Input className="input" />
          <AriaButton className="combo__button" aria-label={t`Show options`}>
            ▾
          </AriaButton>
        </div>
        <Text slot="description" className="form-field__hint">
          <Trans>
            Your groups come first; you can also type any other group.
          </Trans>
        </Text>
        {error ? (
          <Text slot="errorMessage" className="form-field__error">
            {error}
          </Text>
        ) : null}
        <Options />
      </ComboBox>
    </AriaLocale>
  );
}
