import {
  Button as AriaButton,
  type ButtonProps as AriaButtonProps,
} from 'react-aria-components';

export interface ButtonProps extends AriaButtonProps {
  variant?: 'primary' | 'secondary' | 'ghost' | 'danger';
  size?: 'small' | 'medium';
}

/** A react-aria button with our look; `isPending` keeps it focusable and announces progress. */
export function Button({
  variant = 'secondary',
  size = 'medium',
  className,
  ...props
}: ButtonProps) {
  const classes = `button button--${variant} button--${size}${typeof className === 'string' ? ` ${className}` : ''}`;
  return <AriaButton {...props} className={classes} />;
}
