import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { App, Button, Checkbox, Dropdown, Input, Space, Typography, type InputRef } from 'antd';
import { FileExcelOutlined, PlusOutlined, SettingOutlined } from '@ant-design/icons';
import type { ListColumn } from '../../../src-shared/contract/peopleColumns';
import type { ExportedFile } from '../../../src-shared/contract/files';
import { plural } from '../../../src-shared/domain/plural';
import { downloadFile } from '../../components/downloadFile';
import { VirtualTable, type VirtualColumn } from './VirtualTable';
import { usePersisted } from '../../components/usePersisted';
import type { ListSort } from '../../../src-shared/domain/listSort';
import { useListSort } from '../../components/useListSort';

/**
 * The frame of the pupil, parent and staff lists: instant search, filters, a column chooser that
 * remembers, a virtual table that loads further pages as the user scrolls, the total, and «В Excel»
 * with exactly the columns on screen.
 */
export const PAGE_SIZE = 100;

interface Props<R> {
  title: string;
  storageKey: string;
  columns: ListColumn<R>[];
  /** Cells that need more than text (tags, links); the rest render `value`. */
  renderers?: Partial<Record<string, (row: R) => ReactNode>>;
  rows: R[] | undefined;
  total: number | undefined;
  loading: boolean;
  search: string;
  onSearch: (text: string) => void;
  searchPlaceholder: string;
  filters?: ReactNode;
  onNearEnd: () => void;
  onOpen: (row: R) => void;
  rowKey: (row: R) => string;
  onCreate?: () => void;
  createLabel?: string;
  onExport: (columns: string[]) => Promise<ExportedFile | undefined>;
  extraActions?: ReactNode;
  /** The column the server sorts by (see `useListSort`); without `onSort` the heads do not sort. */
  sort?: ListSort | null;
  onSort?: (column: string) => void;
}

export function PeopleListPage<R>(p: Props<R>) {
  const { message } = App.useApp();
  const [hidden, setHidden] = usePersisted<{ keys: string[] | null }>(`${p.storageKey}.columns`, { keys: null });
  const [exporting, setExporting] = useState(false);
  const searchRef = useRef<InputRef>(null);
  const visible = useMemo(() => p.columns.filter((c) => (hidden.keys ? !hidden.keys.includes(c.key) : c.visible)), [p.columns, hidden.keys]);

  // Ctrl+F or / puts the cursor into the search field from anywhere on the list.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const typing = (e.target as HTMLElement)?.tagName === 'INPUT' || (e.target as HTMLElement)?.tagName === 'TEXTAREA';
      if (((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'f') || (e.key === '/' && !typing)) {
        e.preventDefault();
        searchRef.current?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const toggle = (key: string, on: boolean) => {
    const currentlyHidden = p.columns.filter((c) => !visible.includes(c)).map((c) => c.key);
    setHidden({ keys: on ? currentlyHidden.filter((k) => k !== key) : [...currentlyHidden, key] });
  };

  const tableColumns: VirtualColumn<R>[] = visible.map((c) => ({
    key: c.key,
    title: c.title,
    width: Math.max(56, c.width * 8),
    render: p.renderers?.[c.key] ?? ((row: R) => c.value(row) ?? ''),
  }));

  const doExport = useCallback(async () => {
    setExporting(true);
    try {
      const file = await p.onExport(visible.map((c) => c.key));
      if (file) {
        downloadFile(file);
        message.success(`Выгружено в Excel: ${plural(file.rows, ['строка', 'строки', 'строк'])}`);
      }
    } finally {
      setExporting(false);
    }
  }, [p, visible, message]);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={2} style={{ margin: 0 }}>
          {p.title}
        </Typography.Title>
        <Space wrap>
          {p.extraActions}
          <Button icon={<FileExcelOutlined />} loading={exporting} onClick={() => void doExport()}>
            В Excel
          </Button>
          {p.onCreate && (
            <Button type="primary" icon={<PlusOutlined />} onClick={p.onCreate}>
              {p.createLabel ?? 'Создать'}
            </Button>
          )}
        </Space>
      </Space>
      <Space wrap style={{ width: '100%' }}>
        <Input.Search
          ref={searchRef}
          allowClear
          autoFocus
          value={p.search}
          onChange={(e) => p.onSearch(e.target.value)}
          placeholder={p.searchPlaceholder}
          style={{ width: 380 }}
          aria-label="Поиск"
        />
        {p.filters}
        <Dropdown
          trigger={['click']}
          popupRender={() => (
            <div style={{ background: '#fff', padding: 12, borderRadius: 8, boxShadow: '0 6px 16px rgba(0,0,0,.12)', maxHeight: 420, overflow: 'auto' }}>
              {p.columns.map((c) => (
                <div key={c.key}>
                  <Checkbox checked={visible.includes(c)} onChange={(e) => toggle(c.key, e.target.checked)}>
                    {c.title}
                  </Checkbox>
                </div>
              ))}
            </div>
          )}
        >
          <Button icon={<SettingOutlined />}>Столбцы</Button>
        </Dropdown>
        <Typography.Text type="secondary" data-testid="list-total">
          {p.total === undefined ? '' : `Найдено: ${p.total}`}
        </Typography.Text>
      </Space>
      <VirtualTable
        ariaLabel={p.title}
        columns={tableColumns}
        rows={p.rows ?? []}
        rowKey={p.rowKey}
        loading={p.loading}
        onNearEnd={p.onNearEnd}
        onOpen={p.onOpen}
        sort={p.sort}
        onSort={p.onSort}
      />
    </Space>
  );
}

/** Paging state of a list: how many pages to ask for, reset when the filter changes. */
export function usePages(filterKey: string): [number, () => void] {
  const [state, setState] = useState({ key: filterKey, pages: 1 });
  const pages = state.key === filterKey ? state.pages : 1;
  const more = useCallback(() => setState((s) => ({ key: filterKey, pages: (s.key === filterKey ? s.pages : 1) + 1 })), [filterKey]);
  return [pages, more];
}

/**
 * The rows of a people list: sorted as the user chose (remembered under `listKey`), asked for a page
 * more each time the table nears its end, from the first page again when the filter or sort changes.
 */
export function usePagedRows<F, R>(listKey: string, filter: F, useList: (args: F & { sort?: ListSort; limit: number }) => { data?: R[]; isFetching: boolean }) {
  const [sort, onSort] = useListSort(listKey);
  const [pages, more] = usePages(JSON.stringify([filter, sort]));
  const { data, isFetching } = useList({ ...filter, sort: sort ?? undefined, limit: pages * PAGE_SIZE });
  const onNearEnd = useCallback(() => {
    if (!isFetching && data && data.length === pages * PAGE_SIZE) more();
  }, [isFetching, data, pages, more]);
  return { sort, onSort, rows: data, loading: isFetching, onNearEnd };
}

/** «В Excel» of a list: the export method asked with the list's filter and the columns on screen. */
export function exportWith<F>(run: (args: F & { columns: string[] }) => PromiseLike<{ data: ExportedFile } | { error: unknown }>, filter: F) {
  return async (columns: string[]) => {
    const r = await run({ ...filter, columns });
    return 'data' in r ? r.data : undefined;
  };
}
