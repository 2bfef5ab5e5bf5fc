// Tollgate's UI kit. Client components carry 'use client' in their own files, so server
// components may import anything from here; table-params and apply-invalid-params run anywhere.
export { cn } from './cn';
export { focusRing } from './focus-ring';

export { Badge, badgeVariants, type BadgeProps, type BadgeTone } from './badge';
export { Button, buttonVariants, type ButtonProps } from './button';
export { Card, type CardProps } from './card';
export { Checkbox } from './checkbox';
export { CodeBlock, type CodeBlockProps } from './code-block';
export { ConfirmDialog, type ConfirmDialogProps } from './confirm-dialog';
export { CopyButton, type CopyButtonProps } from './copy-button';
export { Dialog, DialogClose, type DialogProps } from './dialog';
export { DropdownMenu, type DropdownMenuItem, type DropdownMenuProps } from './dropdown-menu';
export { EmptyState, type EmptyStateProps } from './empty-state';
export { ErrorState, type ErrorStateProps } from './error-state';
export { Field, type FieldProps } from './field';
export { Input } from './input';
export { Kbd } from './kbd';
export { Label } from './label';
export { PageHeader, type PageHeaderProps } from './page-header';
export { RadioGroup, type RadioGroupProps, type RadioOption } from './radio-group';
export { Select, type SelectOption, type SelectProps } from './select';
export { Separator } from './separator';
export { Skeleton } from './skeleton';
export { Switch } from './switch';
export { Tabs, type TabItem, type TabsProps } from './tabs';
export { Textarea } from './textarea';
export { TextFileInput } from './text-file-input';
export { ThemeProvider, type ThemeProviderProps } from './theme-provider';
export { ThemeToggle } from './theme-toggle';
export { Toaster, toast } from './toaster';
export { Tooltip, type TooltipProps } from './tooltip';

export { applyInvalidParams, toFieldPath, type ApplyInvalidParamsResult, type InvalidParam } from './apply-invalid-params';
export { Form, type FormProps } from './form';
export { FormField, type FormFieldProps } from './form-field';
export { useZodForm, type ZodFormSchema } from './use-zod-form';

export { DataTable, type DataTableProps } from './data-table';
export { columnId, dataTableFeatures, type DataTableColumn, type DataTableFeatures } from './data-table-features';
export { type DataTableFilter } from './data-table-toolbar';
export { DEFAULT_PAGE_SIZES, parseSort, parseTableSearchParams, serializeSort, tableOffset, tableParsers, type SortState, type TableParamsSpec, type TableState } from './table-params';
export { useTableState, type TableStateControls } from './use-table-state';
