/**
 * A banner above every form when the daily review reminders have stopped (their owner's account
 * closed, or they lost access to the sheet): Google tells nobody, so the sidebar does, with a
 * one-click "Take over reminders".
 */
import { h } from './dom';
import { callServer } from './server';

export async function showReminderBanner(root: HTMLElement): Promise<void> {
  let status: { problem: string; canTakeOver: boolean };
  try {
    status = await callServer('getReminderStatus');
  } catch {
    return; // a courtesy check: the form itself reports its own connection problems
  }
  if (status.problem === '') return;
  const message = h('p', {}, status.problem);
  const outcome = h('p', { class: 'reminder-banner-outcome', 'aria-live': 'polite' });
  const banner = h(
    'section',
    { class: 'reminder-banner', role: 'region', 'aria-label': 'Review reminders' },
    message,
  );
  if (status.canTakeOver) {
    const button = h('button', { type: 'button', class: 'secondary' }, 'Take over reminders');
    button.addEventListener('click', () => {
      button.disabled = true;
      callServer('takeOverReminders').then(
        (result) => {
          outcome.textContent = result.message;
          if (result.ok) button.remove();
          else button.disabled = false;
        },
        (error: unknown) => {
          outcome.textContent = error instanceof Error ? error.message : String(error);
          button.disabled = false;
        },
      );
    });
    banner.append(button);
  }
  banner.append(outcome);
  root.before(banner);
}
