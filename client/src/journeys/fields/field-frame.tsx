import type { ReactNode } from 'react';
import type { FieldDefinition, FieldError } from '@tuo/shared';
import { ErrorMessage } from '../../components/error-message.js';

/** How a field is labelled: as the page's heading (one question per page) or as a plain label. */
export interface FieldLabelling {
  /** True when this field's label or legend is the page's h1. */
  heading: boolean;
  /** The hint to show; a page-level hint joins the field's own when the field is the heading. */
  hint: string | undefined;
}

/** The props of every field kind's component. */
export interface FieldComponentProps extends FieldLabelling {
  field: FieldDefinition;
  /** Fields revealed by an option, keyed by option value (radios and checkboxes only). */
  conditionals?: Readonly<Record<string, ReactNode>>;
}

/**
 * A fieldset with a legend (as the page heading, or not), hint and error: GOV.UK's frame for radios,
 * checkboxes, dates and addresses. `role="group"` for dates, as the Design System does.
 */
export function Fieldset(props: {
  id: string;
  legend: string;
  heading: boolean;
  hint: string | undefined;
  error: FieldError | undefined;
  group?: boolean;
  children: ReactNode;
}) {
  const { id, legend, heading, hint, error, group, children } = props;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <fieldset className="govuk-fieldset" role={group ? 'group' : undefined} aria-describedby={describedBy}>
        <legend
          className={`govuk-fieldset__legend${heading ? ' govuk-fieldset__legend--l' : ' govuk-fieldset__legend--m'}`}
        >
          {heading ? <h1 className="govuk-fieldset__heading">{legend}</h1> : legend}
        </legend>
        {hint ? (
          <div id={hintId} className="govuk-hint">
            {hint}
          </div>
        ) : null}
        <ErrorMessage id={`${id}-error`} error={error} />
        {children}
      </fieldset>
    </div>
  );
}

/**
 * GOV.UK's frame for a single box: the form group with its label (as the page heading, or not), hint
 * (`${id}-hint`) and error (`${id}-error`) above the box, which is `children`; the box itself names
 * those it shows in its `aria-describedby`, with any description of its own. `className` and
 * `attributes` go on the group itself (a character count's module and messages).
 */
export function FormGroup(props: {
  id: string;
  label: string;
  heading: boolean;
  hint: string | undefined;
  error: FieldError | undefined;
  className?: string;
  attributes?: Readonly<Record<string, string | number>>;
  children: ReactNode;
}) {
  const { id, label, heading, hint, error, className, attributes, children } = props;
  const classes = ['govuk-form-group', className, error && 'govuk-form-group--error'].filter(Boolean).join(' ');
  return (
    <div className={classes} {...attributes}>
      <FieldLabel htmlFor={id} text={label} heading={heading} />
      {hint ? (
        <div id={`${id}-hint`} className="govuk-hint">
          {hint}
        </div>
      ) : null}
      <ErrorMessage id={`${id}-error`} error={error} />
      {children}
    </div>
  );
}

/** A label (as the page heading, or not) for a single input. */
function FieldLabel({ htmlFor, text, heading }: { htmlFor: string; text: string; heading: boolean }) {
  if (!heading) {
    return (
      <label className="govuk-label" htmlFor={htmlFor}>
        {text}
      </label>
    );
  }
  return (
    <h1 className="govuk-label-wrapper">
      <label className="govuk-label govuk-label--l" htmlFor={htmlFor}>
        {text}
      </label>
    </h1>
  );
}
