// The nurture lists Baton keeps in the CRM; reasons point at them by key.
import { useState } from 'react';
import { Button, Flex, Heading, Input, Text } from '@hubspot/ui-extensions';
import type { NurtureList } from '@baton/card-api';
import { errorProps, messagesFor, type FieldProblems } from '../fieldProblems.ts';

export function NurtureListSettings(props: {
  lists: readonly NurtureList[];
  problems: FieldProblems;
  onChange: (next: NurtureList[]) => void;
}) {
  const { lists, problems, onChange } = props;
  const [key, setKey] = useState('');
  const [name, setName] = useState('');
  const add = () => {
    onChange([...lists, { key: key.trim(), name: name.trim() }]);
    setKey('');
    setName('');
  };
  return (
    <Flex direction="column" gap="sm">
      <Heading>Nurture lists</Heading>
      {lists.map((list, index) => (
        <Flex key={`${index}-${list.key}`} direction="row" gap="sm" align="end">
          <Input
            label={`List name (${list.key})`}
            name={`nurtureLists.${index}.name`}
            value={list.name}
            onChange={(value) => onChange(lists.map((l, i) => (i === index ? { ...l, name: value } : l)))}
            {...errorProps(problems, `nurtureLists.${index}.name`)}
          />
          {messagesFor(problems, [`nurtureLists.${index}`, `nurtureLists.${index}.key`]).map((message) => (
            <Text key={message}>{message}</Text>
          ))}
          <Button
            variant="transparent"
            testId={`nurtureLists.${index}.remove`}
            onClick={() => onChange(lists.filter((_, i) => i !== index))}
          >
            Remove
          </Button>
        </Flex>
      ))}
      <Flex direction="row" gap="sm" align="end">
        <Input
          label="New list key"
          name="nurtureLists.new.key"
          placeholder="lower_snake_case"
          value={key}
          onChange={setKey}
        />
        <Input label="New list name" name="nurtureLists.new.name" value={name} onChange={setName} />
        <Button
          variant="secondary"
          testId="nurtureLists.add"
          disabled={!key.trim() || !name.trim()}
          onClick={add}
        >
          Add list
        </Button>
      </Flex>
    </Flex>
  );
}
