import { Trans } from '@lingui/react/macro';

/**
 * Shown when the browser refuses storage to the app (typically in a
 * portal's frame), so people know what they lose on a reload (issue 13).
 */
export function StorageNote() {
  return (
    <p className="storage-note" role="note">
      <Trans>
        Your browser does not let the inbox store data here, so it keeps
        everything in memory: unsent drafts and saved filters are lost and you
        need to sign in again when this page reloads.
      </Trans>
    </p>
  );
}
