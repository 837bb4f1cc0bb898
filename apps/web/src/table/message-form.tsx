import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

/** One text box and a send button; clears itself only when the game accepted the line. */
export function MessageForm({
  label,
  maxLength,
  multiline = false,
  submitLabel,
  disabled = false,
  onSubmit,
}: {
  label: string;
  maxLength: number;
  multiline?: boolean;
  submitLabel?: string;
  disabled?: boolean;
  onSubmit: (text: string) => Promise<boolean>;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState('');
  const [sending, setSending] = useState(false);
  const blank = text.trim().length === 0;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (blank || sending) return;
    setSending(true);
    try {
      if (await onSubmit(text.trim())) setText('');
    } finally {
      setSending(false);
    }
  };
  return (
    <form className="message-form" onSubmit={(e) => void submit(e)}>
      <label htmlFor={id}>{label}</label>
      <div className="row">
        {multiline ? (
          <textarea
            id={id}
            value={text}
            maxLength={maxLength}
            rows={5}
            disabled={disabled}
            onChange={(e) => setText(e.target.value)}
          />
        ) : (
          <input
            id={id}
            value={text}
            maxLength={maxLength}
            disabled={disabled}
            autoComplete="off"
            onChange={(e) => setText(e.target.value)}
          />
        )}
        <button type="submit" disabled={disabled || blank || sending}>
          {submitLabel ?? t('chat.send')}
        </button>
      </div>
    </form>
  );
}
