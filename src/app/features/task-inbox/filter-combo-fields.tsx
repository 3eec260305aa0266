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

const TEXT = {
  process: 'Process',
  loadingProcesses: 'Loading processes…',
  processesFailed:
    'The processes could not be loaded. You can still filter by everything else.',
  processHint:
    'Type to search. Tasklist matches the version listed here, the latest.',
  group: 'Candidate group',
  groupHint: 'Your groups come first; you can also type any other group.',
  showOptions: 'Show options',
};

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
  const { data, error } = useQuery(TASK_FILTER_PROCESSES_QUERY);
  const processes = data?.processes;
  const items = useMemo(
    () => processItems(processes ?? [], value),
    [processes, value],
  );
  if (!processes && !error) {
    return (
      <div className="form-field">
        <label className="form-field__label" htmlFor="filter-process-loading">
          {TEXT.process}
        </label>
        <input
          id="filter-process-loading"
          className="input"
          disabled
          value={TEXT.loadingProcesses}
          readOnly
        />
      </div>
    );
  }
  return (
    <ComboBox<Item>
      className="form-field combo"
      defaultItems={items}
      value={value || ANY_PROCESS}
      onChange={(key) => {
        onChange(key === null || key === ANY_PROCESS ? '' : String(key));
      }}
      menuTrigger="focus"
    >
      <Label className="form-field__label">{TEXT.process}</Label>
      <div className="combo__field">
        <Input className="input" />
        <AriaButton className="combo__button" aria-label={TEXT.showOptions}>
          ▾
        </AriaButton>
      </div>
      <Text slot="description" className="form-field__hint">
        {error ? TEXT.processesFailed : TEXT.processHint}
      </Text>
      <Options />
    </ComboBox>
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
  const items = useMemo(
    () => groups.map((group): Item => ({ id: group, label: group })),
    [groups],
  );
  return (
    <ComboBox<Item>
      className="form-field combo"
      defaultItems={items}
      allowsCustomValue
      inputValue={value}
      onInputChange={onChange}
      menuTrigger="focus"
      isInvalid={Boolean(error)}
    >
      <Label className="form-field__label">{TEXT.group}</Label>
      <div className="combo__field">
        <Input className="input" />
        <AriaButton className="combo__button" aria-label={TEXT.showOptions}>
          ▾
        </AriaButton>
      </div>
      <Text slot="description" className="form-field__hint">
        {TEXT.groupHint}
      </Text>
      {error ? (
        <Text slot="errorMessage" className="form-field__error">
          {error}
        </Text>
      ) : null}
      <Options />
    </ComboBox>
  );
}
