import {
  Button,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { shorten } from '../ui/format';

export interface RowsTableProps<T> {
  /** The table's accessible name, e.g. "Attendees". */
  label: string;
  columns: readonly string[];
  rows: readonly T[];
  rowKey: (row: T, index: number) => string;
  /** One cell per column, in column order. */
  cells: (row: T, index: number) => readonly ReactNode[];
  /**
   * The Remove button's accessible name, naming the row briefly ("Remove Mrs Khan"); on screen the
   * button says just "Remove", beside the row it removes.
   */
  removeLabel: (row: T) => string;
  onRemove: (index: number) => void;
}

/** The `data-entry` of a row, for Undo to put focus back in it once it is restored. */
export const rowEntry = (label: string, index: number) => `${label}:${index}`;

/** A list the form edits as rows: attendees, people it is shared with, sign-offs. */
export function RowsTable<T>({
  label,
  columns,
  rows,
  rowKey,
  cells,
  removeLabel,
  onRemove,
}: RowsTableProps<T>) {
  return (
    <Table size="small" aria-label={label}>
      <TableHeader>
        <TableRow>
          {columns.map((column) => (
            <TableHeaderCell key={column}>{column}</TableHeaderCell>
          ))}
          <TableHeaderCell>
            <span className="visually-hidden">Actions</span>
          </TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((row, index) => (
          <TableRow key={rowKey(row, index)} data-entry={rowEntry(label, index)}>
            {cells(row, index).map((cell, i) => (
              <TableCell key={columns[i] ?? i}>{cell}</TableCell>
            ))}
            <TableCell>
              <Button size="small" aria-label={shorten(removeLabel(row), 40)} onClick={() => onRemove(index)}>
                Remove
              </Button>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
