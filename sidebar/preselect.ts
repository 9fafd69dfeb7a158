/**
 * A sidebar opened for one intervention (e.g. "Make the end letters" after the SENCo stops one)
 * has its ID in <body data-record>. Once the view has drawn its intervention picker, that
 * intervention is chosen in it, as if the user had picked it, and the view loads it. The pickers
 * of the Intervention sheet (pick-to-edit) and of the views that share intervention-picker.ts.
 */
const PICKERS = ['select#intervention-pick', 'select#intervention'];

/** How long to wait for the view to load its list before giving up (it then stays unchosen). */
const WAIT_MS = 30_000;

export function preselectRecord(root: HTMLElement, record: string): void {
  if (record === '') return;
  /** True once a picker was found (chosen or not: the user's own choices are never undone). */
  const tryPick = (): boolean => {
    const picker = PICKERS.map((s) => root.querySelector<HTMLSelectElement>(s)).find(Boolean);
    if (!picker) return false;
    if (Array.from(picker.options).some((o) => o.value === record)) {
      picker.value = record;
      picker.dispatchEvent(new Event('change'));
    }
    return true;
  };
  if (tryPick()) return;
  const observer = new MutationObserver(() => {
    if (tryPick()) observer.disconnect();
  });
  observer.observe(root, { childList: true, subtree: true });
  setTimeout(() => observer.disconnect(), WAIT_MS);
}
