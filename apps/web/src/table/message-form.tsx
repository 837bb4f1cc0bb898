import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * One text box and a send button; clears itself only when the game accepted the line. The box takes
 * a paste whole (no silent cut at the limit): a counter shows the length against the limit, and a
 * line over it says so and cannot be sent until shortened.
 */
export function MessageForm({
  label,
  maxLength,
  multiline = false,
  submitLabel,
  disabled = false,
  closed,
  onSubmit,
}: {
  label: string;
  maxLength: number;
  multiline?: boolean;
  submitLabel?: string;
  disabled?: boolean;
  /** The conversation closed (a talk ended): said instead of the box, and over it while a draft is left. */
  closed?: string;
  onSubmit: (text: string) => Promise<boolean>;
}) {
  const { t } = useTranslation();
  const id = useId();
  const counterId = `${id}-count`;
  const [text, setText] = useState('');
  const [sending, setSending] = useState(false);
  const blank = text.trim().length === 0;
  const length = text.trim().length;
  const tooLong = length > maxLength;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (blank || sending || tooLong) return;
    setSending(true);
    try {
      if (await onSubmit(text.trim())) setText('');
    } finally {
      setSending(false);
    }
  };
  if (closed !== undefined && blank) return null;
  if (closed !== undefined) disabled = true;
  return (
    <form className="message-form" onSubmit={(e) => void submit(e)}>
      {closed !== undefined && <p className="notice">{closed}</p>}
      <label htmlFor={id}>{label}</label>
      <div className="row">
        {multiline ? (
          <textarea
            id={id}
            value={text}
            rows={5}
            disabled={disabled}
            aria-invalid={tooLong}
            aria-describedby={counterId}
            onChange={(e) => setText(e.target.value)}
          />
        ) : (
          <input
            id={id}
            value={text}
            disabled={disabled}
            aria-invalid={tooLong}
            aria-describedby={counterId}
            autoComplete="off"
            onChange={(e) => setText(e.target.value)}
          />
        )}
        <button type="submit" disabled={disabled || blank || sending || tooLong}>
          {submitLabel ?? t('chat.send')}
        </button>
      </div>
      <p id={counterId} className={tooLong ? 'counter too-long' : 'counter'} aria-live="polite">
        {tooLong
          ? t('chat.tooLong', { count: length, max: maxLength, over: length - maxLength })
          : t('chat.count', { count: length, max: maxLength })}
      </p>
    </form>
  );
}
