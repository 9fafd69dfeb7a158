/**
 * The sidebar's entry point. The server sets the view (`template.view = 'intervention'`) and the
 * page's <body data-view> says which form to show. To add a form, add it to VIEWS.
 */
import { notice } from './dom';
import { showReminderBanner } from './reminder-banner';
import { renderInterventionForm } from './intervention-form';
import { render as renderParticipants } from './views/participants';
import { render as renderProfile } from './views/profile';
import { render as renderPupil } from './views/pupil';
import { render as renderImport } from './views/import';
import { render as renderStaff } from './views/staff';
import { render as renderLibrary } from './views/library';
import { render as renderReview } from './views/review';
import { render as renderLetters } from './views/letters';
import { render as renderDecide } from './views/decide';
import { render as renderGettingStarted } from './views/getting-started';
import { preselectRecord } from './preselect';

type View = (root: HTMLElement) => void;

const VIEWS = new Map<string, View>([
  ['intervention', renderInterventionForm],
  ['participants', renderParticipants],
  ['profile', renderProfile],
  ['pupil', renderPupil],
  ['import', renderImport],
  ['staff', renderStaff],
  ['library', renderLibrary],
  ['review', renderReview],
  ['letters', renderLetters],
  ['decide', renderDecide],
  ['getting-started', renderGettingStarted],
]);

function start(): void {
  const root = document.getElementById('app') ?? document.body;
  const view = VIEWS.get(document.body.dataset.view ?? '');
  if (!view) {
    notice(
      root,
      'Form not found',
      'This form is not available. Close this panel and open it again from the add-on menu.',
    );
    return;
  }
  try {
    view(root);
    preselectRecord(root, document.body.dataset.record ?? '');
    void showReminderBanner(root);
  } catch {
    notice(
      root,
      'Something went wrong',
      'The form could not be shown. Close this panel and try again.',
    );
  }
}

start();
