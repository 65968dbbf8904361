import { baseApi } from '../../api/baseApi';
import type { ExportedFile } from '../../../src-shared/contract/files';
import type { AlphabetEntry, BookEntry, ClassRoster, Numbering, PupilTimeline, TemplateInfo } from '../../../src-shared/contract/movement';
import type { ClassOption, OrderDetail, OrderInput, OrderRow, PupilPick } from '../../../src-shared/contract/movementFields';
import type { MovementReport, OccupancyReport } from '../../../src-shared/contract/movementReports';
import type { RolloverPlanInput, RolloverPreview } from '../../../src-shared/contract/movementRollover';
import type { OrderStatus, OrderType } from '../../../src-shared/domain/movement/orderTypes';

type BookFilter = { from?: string | null; to?: string | null; classId?: string | null; search?: string };

// Signing or cancelling changes rosters, reports, the book and the class counts of other pages.
const AFTER_MOVEMENT = ['MovementOrders', 'Movement', 'MovementReports', 'Classes', 'Subgroups'] as const;

export const movementApi = baseApi.injectEndpoints({
  endpoints: (build) => ({
    orders: build.query<OrderRow[], { yearId?: string | null; type?: OrderType | null; status?: OrderStatus | null; search?: string }>({
      query: (input) => ({ method: 'movement.orders.list', input }),
      providesTags: ['MovementOrders'],
    }),
    order: build.query<OrderDetail, string>({ query: (id) => ({ method: 'movement.orders.get', input: { id } }), providesTags: ['MovementOrders'] }),
    saveOrder: build.mutation<OrderDetail, { id: string | null; version: number; order: OrderInput }>({
      query: (input) => ({ method: 'movement.orders.save', input }),
      invalidatesTags: ['MovementOrders'],
    }),
    saveNames: build.mutation<OrderDetail, { id: string; version: number; names: { itemId: string; nameGenitive: string; nameDative: string; nameAccusative: string }[] }>({
      query: (input) => ({ method: 'movement.orders.saveNames', input }),
      invalidatesTags: ['MovementOrders'],
    }),
    deleteOrder: build.mutation<{ deleted: boolean }, { id: string; version: number }>({
      query: (input) => ({ method: 'movement.orders.delete', input }),
      invalidatesTags: ['MovementOrders'],
    }),
    signOrder: build.mutation<OrderDetail, { id: string; version: number; numberText?: string | null }>({
      query: (input) => ({ method: 'movement.orders.sign', input }),
      invalidatesTags: [...AFTER_MOVEMENT],
    }),
    cancelOrder: build.mutation<OrderDetail, { id: string; version: number; reason: string }>({
      query: (input) => ({ method: 'movement.orders.cancel', input }),
      invalidatesTags: [...AFTER_MOVEMENT],
    }),
    orderDocument: build.mutation<ExportedFile, { id: string; format: 'docx' | 'pdf' }>({
      query: (input) => ({ method: 'movement.orders.document', input }),
    }),
    exportOrderBook: build.mutation<ExportedFile, { yearId: string | null }>({ query: (input) => ({ method: 'movement.orders.exportBook', input }) }),
    numbering: build.query<Numbering, void>({ query: () => ({ method: 'movement.numbering.get', input: {} }), providesTags: ['MovementSettings', 'MovementOrders'] }),
    saveNumbering: build.mutation<Numbering, { series: { type: OrderType; suffix: string; version: number }[]; alphabetNext: number }>({
      query: (input) => ({ method: 'movement.numbering.save', input }),
      invalidatesTags: ['MovementSettings'],
    }),
    templateInfo: build.query<TemplateInfo, void>({ query: () => ({ method: 'movement.templates.info' }), providesTags: ['MovementSettings'] }),
    downloadTemplate: build.mutation<ExportedFile, { which: 'current' | 'default' }>({ query: (input) => ({ method: 'movement.templates.download', input }) }),
    uploadTemplate: build.mutation<TemplateInfo, { fileName: string; contentBase64: string; version: number }>({
      query: (input) => ({ method: 'movement.templates.upload', input }),
      invalidatesTags: ['MovementSettings'],
    }),
    resetTemplate: build.mutation<TemplateInfo, { version: number }>({ query: (input) => ({ method: 'movement.templates.reset', input }), invalidatesTags: ['MovementSettings'] }),
    searchPupils: build.query<PupilPick[], { query: string; date?: string | null; classId?: string | null }>({
      query: (input) => ({ method: 'movement.pupils.search', input }),
      providesTags: ['Movement'],
    }),
    timeline: build.query<PupilTimeline, string>({ query: (pupilId) => ({ method: 'movement.pupils.timeline', input: { pupilId } }), providesTags: ['Movement'] }),
    classesOn: build.query<ClassOption[], string>({ query: (date) => ({ method: 'movement.classes.list', input: { date } }), providesTags: ['Movement', 'Classes'] }),
    roster: build.query<ClassRoster, { classId: string; date: string }>({ query: (input) => ({ method: 'movement.classes.roster', input }), providesTags: ['Movement'] }),
    book: build.query<BookEntry[], BookFilter>({ query: (input) => ({ method: 'movement.book.list', input }), providesTags: ['Movement'] }),
    exportBook: build.mutation<ExportedFile, BookFilter>({ query: (input) => ({ method: 'movement.book.export', input }) }),
    alphabet: build.query<AlphabetEntry[], string>({ query: (search) => ({ method: 'movement.alphabet.list', input: { search } }), providesTags: ['Movement'] }),
    exportAlphabet: build.mutation<ExportedFile, string>({ query: (search) => ({ method: 'movement.alphabet.export', input: { search } }) }),
    occupancy: build.query<OccupancyReport, string>({ query: (date) => ({ method: 'reports.occupancy', input: { date } }), providesTags: ['MovementReports'] }),
    exportOccupancy: build.mutation<ExportedFile, string>({ query: (date) => ({ method: 'reports.occupancy.export', input: { date } }) }),
    movementReport: build.query<MovementReport, { from: string; to: string }>({ query: (input) => ({ method: 'reports.movement', input }), providesTags: ['MovementReports'] }),
    exportMovementReport: build.mutation<ExportedFile, { from: string; to: string }>({ query: (input) => ({ method: 'reports.movement.export', input }) }),
    rolloverPreview: build.mutation<RolloverPreview, RolloverPlanInput>({ query: (input) => ({ method: 'movement.rollover.preview', input }) }),
    rolloverApply: build.mutation<{ yearId: string; yearName: string; createdClasses: string[]; orders: { id: string; type: OrderType; numberText: string; items: number }[] }, RolloverPlanInput>({
      query: (input) => ({ method: 'movement.rollover.apply', input }),
      invalidatesTags: [...AFTER_MOVEMENT, 'Years'],
    }),
  }),
});

export const {
  useOrdersQuery,
  useOrderQuery,
  useSaveOrderMutation,
  useSaveNamesMutation,
  useDeleteOrderMutation,
  useSignOrderMutation,
  useCancelOrderMutation,
  useOrderDocumentMutation,
  useExportOrderBookMutation,
  useNumberingQuery,
  useSaveNumberingMutation,
  useTemplateInfoQuery,
  useDownloadTemplateMutation,
  useUploadTemplateMutation,
  useResetTemplateMutation,
  useSearchPupilsQuery,
  useTimelineQuery,
  useClassesOnQuery,
  useRosterQuery,
  useBookQuery,
  useExportBookMutation,
  useAlphabetQuery,
  useExportAlphabetMutation,
  useOccupancyQuery,
  useExportOccupancyMutation,
  useMovementReportQuery,
  useExportMovementReportMutation,
  useRolloverPreviewMutation,
  useRolloverApplyMutation,
} = movementApi;
