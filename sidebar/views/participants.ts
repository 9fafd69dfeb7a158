import { notice } from '../dom';

export function render(root: HTMLElement): void {
  notice(root, 'Not available yet', 'This form is being built.');
}
