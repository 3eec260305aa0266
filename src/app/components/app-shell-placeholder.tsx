/** The first screen until the inbox lands: names the product and what is coming. */
export function AppShellPlaceholder() {
  return (
    <main>
      <h1>Tasklist Inbox</h1>
      <p>
        Your Camunda tasks, one place. Sign-in and the inbox are on their way.
      </p>
    </main>
  );
}
