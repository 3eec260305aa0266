import type { ButtonHTMLAttributes } from 'react';

export interface ButtonProps extends Omit<
  ButtonHTMLAttributes<HTMLButtonElement>,
  'onClick' | 'disabled' | 'type'
> {
  variant?: 'primary' | 'secondary' | 'ghost' | 'danger';
  size?: 'small' | 'medium';
  onPress?: () => void;
  isDisabled?: boolean;
  /** Busy: stays focusable (focus is not lost mid-action) but ignores presses. */
  isPending?: boolean;
  type?: 'button' | 'submit';
}

/**
 * A native button with our look. Native keeps the first load small (no
 * press-event library) and behaves the same for keyboard and pointer users.
 */
export function Button({
  variant = 'secondary',
  size = 'medium',
  className,
  onPress,
  isDisabled = false,
  isPending = false,
  type = 'button',
  ...props
}: ButtonProps) {
  const classes = `button button--${variant} button--${size}${className ? ` ${className}` : ''}`;
  return (
    <button
      {...props}
      type={type}
      className={classes}
      disabled={isDisabled}
      aria-disabled={isPending || undefined}
      aria-busy={isPending || undefined}
      data-pending={isPending || undefined}
      onClick={() => {
        if (!isPending) onPress?.();
      }}
    />
  );
}
