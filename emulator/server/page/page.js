// The offline trial page: Google Sheets with the add-on, around the local emulator.
// Plain browser JavaScript (ES2020), no framework and no build step. Everything that comes from the
// workbook, emails or Docs is put on the page with textContent or inside sandboxed iframes: never
// with innerHTML.
'use strict';

(function () {
  // ---- state --------------------------------------------------------------------------------

  /** The last GET /api/state (see emulator/server/view.ts). */
  let state = null;
  let activeTab = null;
  /** The selected cell, 1-based. */
  let selection = { row: 1, column: 1 };
  /** The cell being edited in place: { row, column, input, td } or null. */
  let editing = null;
  /** New data arrived while a cell was being edited: redraw the grid when the edit ends. */
  let gridStale = false;
  /** HtmlService frames (sidebar, dialog) whose google.script calls we answer. */
  const hostedFrames = new Map(); // Window -> { kind: 'sidebar' | 'dialog' }

  const $ = (id) => document.getElementById(id);
  const MENU_NAMES = [
    'File',
    'Edit',
    'View',
    'Insert',
    'Format',
    'Data',
    'Tools',
    'Extensions',
    'Help',
  ];
  const DEFAULT_COLUMN_WIDTH = 100;
  const ROW_HEADER_WIDTH = 46;

  // ---- small DOM helpers --------------------------------------------------------------------

  /** Creates an element; attributes are set as attributes, children appended (strings as text). */
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs || {})) {
      if (value === undefined || value === null || value === false) continue;
      if (name === 'text') node.textContent = String(value);
      else if (name === 'className') node.className = value;
      else if (name.startsWith('on')) {
        // Handlers are functions only: never an inline handler attribute.
        if (typeof value === 'function') node.addEventListener(name.slice(2), value);
      } else node.setAttribute(name, value === true ? '' : String(value));
    }
    for (const child of children.flat()) {
      if (child === undefined || child === null || child === false) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  function columnLetter(column) {
    let n = column;
    let letters = '';
    while (n > 0) {
      const rem = (n - 1) % 26;
      letters = String.fromCharCode(65 + rem) + letters;
      n = Math.floor((n - 1) / 26);
    }
    return letters;
  }

  function formatDateTime(iso, withTime = true) {
    if (!iso) return '';
    const options = {
      timeZone: state ? state.timeZone : undefined,
      day: 'numeric',
      month: 'short',
      year: 'numeric',
    };
    if (withTime) Object.assign(options, { hour: '2-digit', minute: '2-digit' });
    return new Intl.DateTimeFormat('en-GB', options).format(new Date(iso));
  }

  function announce(message) {
    const region = $('announce');
    region.textContent = '';
    setTimeout(() => {
      region.textContent = message;
    }, 50);
  }

  // ---- talking to the trial server ----------------------------------------------------------

  async function request(method, url, body) {
    let response;
    try {
      response = await fetch(url, {
        method,
        headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch {
      return {
        ok: false,
        error: 'The trial server is not responding. Is `npm start` still running?',
      };
    }
    let data;
    try {
      data = await response.json();
    } catch {
      data = { error: `The trial server answered ${response.status} without JSON.` };
    }
    if (!response.ok && data.ok === undefined) data.ok = false;
    if (!response.ok && !data.error) data.error = `Request failed (${response.status}).`;
    return data;
  }

  /** Applies an action's reply: the new state, then the UI events the script produced. */
  function applyReply(reply) {
    if (reply.state) render(reply.state);
    for (const event of reply.events || []) showUiEvent(event);
  }

  async function refresh() {
    const data = await request('GET', '/api/state');
    if (data.error) showAlert('The trial server is not available', data.error);
    else render(data);
  }

  async function runMenuItem(functionName, caption) {
    closeMenus();
    $('running').hidden = false;
    const reply = await request('POST', '/api/menu', { functionName });
    $('running').hidden = true;
    applyReply(reply);
    if (reply.ok === false) {
      showAlert('Script error', reply.error || 'The script failed.');
    } else {
      announce(`Ran ${caption}.`);
    }
  }

  // ---- rendering ----------------------------------------------------------------------------

  function render(next) {
    state = next;
    document.title = `${state.spreadsheetName} – offline trial`;
    $('spreadsheet-name').textContent = state.spreadsheetName;
    $('user').textContent = `Signed in as ${state.user}`;
    $('avatar').textContent = (state.user || '?').charAt(0).toUpperCase();
    $('avatar').title = state.user;
    const visible = state.tabs.filter((t) => !t.hidden);
    if (!visible.some((t) => t.name === activeTab))
      activeTab = visible.length > 0 ? visible[0].name : null;
    renderMenubar();
    renderTabs(visible);
    if (editing) gridStale = true;
    else renderGrid();
    renderDrawer();
  }

  function currentTab() {
    return state ? state.tabs.find((t) => t.name === activeTab) : undefined;
  }

  // ---- menu bar -----------------------------------------------------------------------------

  /** Open menus, outermost first: { list, owner }. */
  let openMenus = [];
  /** The menus the bar was last drawn with: redrawn (closing open menus) only when they change. */
  let drawnMenus = null;

  function renderMenubar() {
    const key = JSON.stringify(state.menus);
    if (key === drawnMenus) return;
    drawnMenus = key;
    const bar = $('menubar');
    closeMenus();
    bar.replaceChildren();
    const addonMenus = state.menus.filter((m) => m.addon);
    const customMenus = state.menus.filter((m) => !m.addon);
    for (const name of MENU_NAMES) {
      if (name === 'Extensions') {
        bar.append(
          menubarButton(name, () => {
            const items = addonMenus.map((menu) => ({ type: 'submenu', menu }));
            return items.length > 0
              ? items
              : [{ type: 'note', caption: 'No add-on menu: open the document again' }];
          }),
        );
      } else if (BUILT_IN_MENUS[name]) {
        bar.append(menubarButton(name, BUILT_IN_MENUS[name]));
      } else {
        bar.append(
          el('button', {
            className: 'menubar-item',
            type: 'button',
            role: 'menuitem',
            'aria-disabled': 'true',
            title: 'Not part of the offline trial',
            text: name,
          }),
        );
      }
    }
    for (const menu of customMenus) bar.append(menubarButton(menu.title, () => menu.items));
  }

  /**
   * What a user can do to the sheet by hand, as in Sheets: the add-on finds columns by header and
   * rows by ID, so it must keep working after any of these.
   */
  const BUILT_IN_MENUS = {
    Edit: () => {
      const c = selection.column;
      const last = currentTab() ? currentTab().maxColumns : c;
      return [
        sheetItem(`Move column ${columnLetter(c)} left`, c <= 1, {
          action: 'moveColumn',
          fromColumn: c,
          toColumn: c - 1,
        }),
        sheetItem(`Move column ${columnLetter(c)} right`, c >= last, {
          action: 'moveColumn',
          fromColumn: c,
          toColumn: c + 1,
        }),
      ];
    },
    Insert: () => [
      sheetItem('Row above', false, { action: 'insertRow', beforeRow: selection.row }),
      sheetItem('Row below', false, { action: 'insertRow', beforeRow: selection.row + 1 }),
    ],
    Data: () => {
      const letter = columnLetter(selection.column);
      return [
        sheetItem(`Sort sheet by column ${letter} (A to Z)`, false, {
          action: 'sort',
          column: selection.column,
          ascending: true,
        }),
        sheetItem(`Sort sheet by column ${letter} (Z to A)`, false, {
          action: 'sort',
          column: selection.column,
          ascending: false,
        }),
      ];
    },
  };

  function sheetItem(caption, disabled, change) {
    return disabled
      ? { type: 'note', caption }
      : { type: 'action', caption, run: () => changeSheet(caption, change) };
  }

  async function changeSheet(caption, change) {
    closeMenus();
    const reply = await request('POST', '/api/sheet', Object.assign({ tab: activeTab }, change));
    applyReply(reply);
    if (reply.ok === false)
      showAlert('There was a problem', reply.error || 'The sheet was not changed.');
    else {
      if (change.action === 'moveColumn') select(selection.row, change.toColumn, true);
      announce(`${caption}: done.`);
    }
  }

  function menubarButton(caption, itemsNow) {
    const button = el('button', {
      className: 'menubar-item',
      type: 'button',
      role: 'menuitem',
      'aria-haspopup': 'menu',
      'aria-expanded': 'false',
      text: caption,
    });
    const open = (focusFirst) => {
      closeMenus();
      openMenu(button, itemsNow(), 0, focusFirst);
    };
    button.addEventListener('click', () => {
      if (openMenus.length > 0 && openMenus[0].owner === button) closeMenus();
      else open(false);
    });
    button.addEventListener('keydown', (e) => {
      if (e.key === 'ArrowDown' || e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        open(true);
      }
    });
    button.addEventListener('mouseenter', () => {
      if (openMenus.length > 0 && openMenus[0].owner !== button) open(false);
    });
    return button;
  }

  function openMenu(owner, items, level, focusFirst) {
    closeMenus(level);
    const list = el('div', {
      className: 'menu',
      role: 'menu',
      'aria-label': owner.textContent.replace('▸', '').trim(),
    });
    for (const item of items) list.append(menuEntry(item, level));
    document.body.append(list);
    const box = owner.getBoundingClientRect();
    if (level === 0) {
      list.style.left = `${box.left}px`;
      list.style.top = `${box.bottom + 2}px`;
    } else {
      list.style.left = `${box.right - 4}px`;
      list.style.top = `${box.top - 6}px`;
    }
    owner.setAttribute('aria-expanded', 'true');
    owner.classList.add('open');
    openMenus.push({ list, owner });
    list.addEventListener('keydown', (e) => menuKeydown(e, list, level));
    if (focusFirst) focusItem(list, 0);
  }

  function menuEntry(item, level) {
    if (item.type === 'separator')
      return el('div', { className: 'menu-separator', role: 'separator' });
    if (item.type === 'note') {
      return el('div', {
        className: 'menu-item',
        role: 'menuitem',
        tabindex: '-1',
        'aria-disabled': 'true',
        text: item.caption,
      });
    }
    if (item.type === 'submenu') {
      const button = el(
        'button',
        {
          className: 'menu-item',
          type: 'button',
          role: 'menuitem',
          'aria-haspopup': 'menu',
          'aria-expanded': 'false',
        },
        el('span', { text: item.menu.title }),
        el('span', { className: 'submenu-arrow', 'aria-hidden': 'true', text: '▸' }),
      );
      const open = (focusFirst) => openMenu(button, item.menu.items, level + 1, focusFirst);
      button.addEventListener('click', () => open(false));
      button.addEventListener('mouseenter', () => open(false));
      button.addEventListener('keydown', (e) => {
        if (e.key === 'ArrowRight' || e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          e.stopPropagation();
          open(true);
        }
      });
      return button;
    }
    const button = el('button', {
      className: 'menu-item',
      type: 'button',
      role: 'menuitem',
      text: item.caption,
    });
    const run =
      item.type === 'action' ? item.run : () => runMenuItem(item.functionName, item.caption);
    button.addEventListener('click', run);
    button.addEventListener('mouseenter', () => closeMenus(level + 1));
    return button;
  }

  function menuItems(list) {
    return Array.from(list.children).filter((c) => c.getAttribute('role') === 'menuitem');
  }

  function focusItem(list, index) {
    const items = menuItems(list);
    if (items.length === 0) return;
    items[(index + items.length) % items.length].focus();
  }

  function menuKeydown(e, list, level) {
    const items = menuItems(list);
    const at = items.indexOf(document.activeElement);
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      focusItem(list, at + 1);
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      focusItem(list, at - 1);
    } else if (e.key === 'Escape' || (e.key === 'ArrowLeft' && level > 0)) {
      e.preventDefault();
      // Escape closes every menu and returns to the menu bar; ArrowLeft closes just this submenu.
      const back = e.key === 'Escape' ? 0 : level;
      const owner = openMenus[back] && openMenus[back].owner;
      closeMenus(back);
      if (owner) owner.focus();
    } else if (e.key === 'Tab') {
      closeMenus();
    }
  }

  /** Closes the open menus from `level` down (0: all of them). */
  function closeMenus(level = 0) {
    while (openMenus.length > level) {
      const { list, owner } = openMenus.pop();
      list.remove();
      owner.setAttribute('aria-expanded', 'false');
      owner.classList.remove('open');
    }
  }

  document.addEventListener('mousedown', (e) => {
    if (openMenus.length === 0) return;
    const inside = openMenus.some(
      ({ list, owner }) => list.contains(e.target) || owner.contains(e.target),
    );
    if (!inside) closeMenus();
  });

  // ---- tabs and grid ------------------------------------------------------------------------

  function renderTabs(visible) {
    const strip = $('tabs');
    strip.replaceChildren();
    for (const tab of visible) {
      const selected = tab.name === activeTab;
      const button = el('button', {
        className: 'tab',
        type: 'button',
        role: 'tab',
        id: `tab-${visible.indexOf(tab)}`,
        'aria-selected': selected ? 'true' : 'false',
        'aria-controls': 'grid-scroll',
        tabindex: selected ? '0' : '-1',
        text: tab.name,
      });
      button.addEventListener('click', () => selectTab(tab.name));
      button.addEventListener('keydown', (e) => {
        const at = visible.indexOf(tab);
        const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
        if (step === 0) return;
        const next = visible[(at + step + visible.length) % visible.length];
        selectTab(next.name);
        strip.querySelector('[aria-selected="true"]').focus();
      });
      strip.append(button);
    }
  }

  function selectTab(name) {
    if (activeTab !== name) selection = { row: 1, column: 1 };
    activeTab = name;
    renderTabs(state.tabs.filter((t) => !t.hidden));
    renderGrid();
    $('grid-scroll').scrollTo(0, 0);
  }

  function columnWidths(tab, columns) {
    const widths = [];
    const withDropdown = new Set((tab.dropdowns || []).map((key) => Number(key.split(',')[1])));
    for (let c = 1; c <= columns; c += 1) {
      const set = tab.columnWidths[String(c)];
      if (set) {
        widths.push(set);
        continue;
      }
      // Not set by the script: wide enough for the header, and for typical data up to a point.
      const header = (tab.rows[0] && tab.rows[0][c - 1]) || '';
      let longest = 0;
      for (let r = 1; r < Math.min(tab.rows.length, 60); r += 1) {
        longest = Math.max(longest, (tab.rows[r][c - 1] || '').length);
      }
      const arrow = withDropdown.has(c) ? 14 : 0;
      const fit = Math.max(header.length * 7.6 + 22, Math.min(longest * 6.8 + 16 + arrow, 240));
      widths.push(Math.round(Math.min(Math.max(fit, DEFAULT_COLUMN_WIDTH), 260)));
    }
    return widths;
  }

  /** One style sheet rule per cell format of the tab (view.ts CellStyleView), as class cs-N. */
  const cellStyleSheet = document.head.appendChild(el('style', { id: 'cell-styles' })).sheet;

  function applyCellStyles(styles) {
    while (cellStyleSheet.cssRules.length > 0) cellStyleSheet.deleteRule(0);
    styles.forEach((style, i) => {
      if (i === 0) return;
      const rule = cellStyleSheet.cssRules[cellStyleSheet.insertRule(`.grid td.cs-${i} {}`, i - 1)];
      // Property by property through the CSSOM: a value that is not valid CSS is dropped, so a
      // sheet's text can never add a declaration.
      const set = (name, value) => rule.style.setProperty(name, String(value));
      if (style.background) set('background-color', style.background);
      if (style.color) set('color', style.color);
      if (style.bold) set('font-weight', '700');
      if (style.italic) set('font-style', 'italic');
      const lines = [style.underline && 'underline', style.strikethrough && 'line-through'];
      if (lines.some(Boolean)) set('text-decoration', lines.filter(Boolean).join(' '));
      if (style.fontSize) set('font-size', `${style.fontSize}pt`);
      if (style.fontSize && style.fontSize > 11) set('line-height', '1.25');
      if (style.fontFamily) set('font-family', `"${style.fontFamily}", var(--font)`);
      if (style.align) set('text-align', style.align);
      if (style.verticalAlign) set('vertical-align', style.verticalAlign);
      if (style.wrap) {
        set('white-space', 'normal');
        set('overflow-wrap', 'anywhere');
      }
    });
  }

  /** A row's style runs ([style, count, ...]) as one style index per column. */
  function styleIndexes(runs) {
    const out = [];
    for (let i = 0; i + 1 < (runs || []).length; i += 2) {
      for (let k = 0; k < runs[i + 1]; k += 1) out.push(runs[i]);
    }
    return out;
  }

  /** Rows and columns the grid must draw so that every chart sits on cells. */
  function chartExtent(tab) {
    let rows = 0;
    let columns = 0;
    for (const chart of tab.charts || []) {
      rows = Math.max(rows, chart.row + Math.ceil((chart.offsetY + chart.height) / 21) + 1);
      columns = Math.max(
        columns,
        chart.column + Math.ceil((chart.offsetX + chart.width) / DEFAULT_COLUMN_WIDTH),
      );
    }
    return { rows, columns };
  }

  /** A cell's text; text spilling over empty cells to its right is cut where they end. */
  function fillCell(td, text) {
    const spill = Number(td.dataset.spill || 0);
    if (spill > 0 && text !== '')
      td.replaceChildren(el('span', { className: 'spill-text', style: `width:${spill}px` }, text));
    else td.textContent = text;
  }

  function renderGrid() {
    const table = $('grid');
    const tab = currentTab();
    editing = null;
    table.replaceChildren();
    $('chart-layer').replaceChildren();
    if (!tab) return;
    table.setAttribute('aria-label', tab.name);
    const usedRows = tab.rows.length;
    const usedColumns = usedRows > 0 ? tab.rows[0].length : 0;
    const styleRows = (tab.cellStyles || []).map(styleIndexes);
    const styledColumns = Math.max(0, ...styleRows.map((row) => row.length));
    const charts = chartExtent(tab);
    const rowCount = Math.min(
      tab.maxRows,
      Math.max(usedRows + 30, 60, styleRows.length, charts.rows),
    );
    const columnCount = Math.min(
      tab.maxColumns,
      Math.max(usedColumns + 3, 12, styledColumns, charts.columns),
    );
    const widths = columnWidths(tab, columnCount);
    const frozenRows = Math.min(tab.frozenRows, rowCount);
    const frozenColumns = Math.min(tab.frozenColumns, columnCount);
    const formulas = tab.formulas || {};
    const notes = tab.notes || {};
    const dropdowns = new Set(tab.dropdowns || []);
    const styles = tab.styles || [{}];
    applyCellStyles(styles);

    const colgroup = el('colgroup', {}, el('col', { style: `width:${ROW_HEADER_WIDTH}px` }));
    for (const w of widths) colgroup.append(el('col', { style: `width:${w}px` }));
    table.style.width = `${ROW_HEADER_WIDTH + widths.reduce((a, b) => a + b, 0)}px`;

    const headRow = el(
      'tr',
      {},
      el(
        'th',
        { className: 'corner', scope: 'col' },
        el('span', { className: 'visually-hidden', text: 'Row' }),
      ),
    );
    for (let c = 1; c <= columnCount; c += 1) {
      headRow.append(
        el('th', {
          scope: 'col',
          className: `col-head${c === selection.column ? ' current' : ''}${c <= frozenColumns ? ' frozen-col' : ''}`,
          'data-column': c,
          text: columnLetter(c),
        }),
      );
    }
    const body = el('tbody');
    for (let r = 1; r <= rowCount; r += 1) {
      const values = tab.rows[r - 1] || [];
      const align = tab.align[r - 1] || '';
      const rowStyles = styleRows[r - 1] || [];
      const frozen = r <= frozenRows;
      const tr = el('tr', {
        className:
          `${frozen ? 'frozen-row' : ''}${r === frozenRows ? ' frozen-last' : ''}`.trim() ||
          undefined,
      });
      tr.append(
        el('th', {
          scope: 'row',
          className: `row-head${r === selection.row ? ' current' : ''}`,
          text: r,
        }),
      );
      for (let c = 1; c <= columnCount; c += 1) {
        const key = `${r},${c}`;
        const text = values[c - 1] || '';
        const styleIndex = rowStyles[c - 1] || 0;
        const style = styles[styleIndex] || {};
        const classes = ['cell'];
        const a = align.charAt(c - 1);
        if (a === 'r') classes.push('num');
        if (a === 'c') classes.push('centre');
        if (styleIndex) classes.push(`cs-${styleIndex}`);
        if (dropdowns.has(key)) classes.push('dropdown');
        if (notes[key]) classes.push('has-note');
        if (c <= frozenColumns) classes.push('frozen-col');
        if (c === frozenColumns) classes.push('frozen-col-last');
        if (r === selection.row && c === selection.column) classes.push('selected');
        // As in Sheets, left-aligned text runs on over the empty cells to its right.
        let spill = 0;
        const left = style.align ? style.align === 'left' : a === 'l';
        if (text && left && !style.wrap && !style.clip && !dropdowns.has(key)) {
          let next = c + 1;
          const last = c <= frozenColumns ? frozenColumns : columnCount;
          while (next <= last && !values[next - 1] && !dropdowns.has(`${r},${next}`)) next += 1;
          if (next > c + 1) {
            spill = widths.slice(c - 1, next - 1).reduce((x, y) => x + y, 0) - 7;
            classes.push('spill');
          }
        }
        const td = el('td', {
          className: classes.join(' '),
          'data-row': r,
          'data-column': c,
          'data-spill': spill || undefined,
        });
        fillCell(td, text);
        const tip = [notes[key], formulas[key]].filter(Boolean).join('\n\n');
        if (tip) td.title = tip;
        tr.append(td);
      }
      body.append(tr);
    }
    table.append(colgroup, el('thead', {}, headRow), body);
    stickFrozen(table, widths, frozenRows, frozenColumns);
    renderCharts(table, tab);
    showSelection(true);
  }

  /**
   * Embedded charts over the grid at their anchor cells, measured from the drawn table. Each is
   * an SVG image: shown as an <img>, nothing in it can run or load anything.
   */
  function renderCharts(table, tab) {
    const heads = table.tHead.rows[0].cells;
    const rows = table.tBodies[0].rows;
    const layer = $('chart-layer');
    for (const chart of tab.charts || []) {
      let left = chart.offsetX;
      for (let c = 0; c < chart.column && c < heads.length; c += 1)
        left += heads[c].getBoundingClientRect().width;
      let top = chart.offsetY + table.tHead.getBoundingClientRect().height;
      for (let r = 0; r < chart.row - 1 && r < rows.length; r += 1)
        top += rows[r].getBoundingClientRect().height;
      const img = el('img', {
        className: 'chart',
        src: `data:image/svg+xml;charset=utf-8,${encodeURIComponent(chart.svg)}`,
        alt: chart.title ? `Chart: ${chart.title}` : 'Chart',
        width: chart.width,
        height: chart.height,
        draggable: 'false',
      });
      img.style.left = `${left}px`;
      img.style.top = `${top}px`;
      layer.append(img);
    }
  }

  /** Frozen rows and columns stay in view: sticky offsets measured from the rendered table. */
  function stickFrozen(table, widths, frozenRows, frozenColumns) {
    const headHeight = table.tHead.getBoundingClientRect().height;
    let top = headHeight;
    const rows = table.tBodies[0].rows;
    for (let r = 0; r < frozenRows; r += 1) {
      const row = rows[r];
      for (const cell of row.cells) cell.style.top = `${top}px`;
      top += row.getBoundingClientRect().height;
    }
    if (frozenColumns > 0) {
      let left = ROW_HEADER_WIDTH;
      for (let c = 1; c <= frozenColumns; c += 1) {
        for (const cell of table.querySelectorAll(`[data-column="${c}"]`))
          cell.style.left = `${left}px`;
        left += widths[c - 1];
      }
    }
  }

  function cellText(row, column) {
    const tab = currentTab();
    if (!tab) return '';
    const formula = tab.formulas && tab.formulas[`${row},${column}`];
    if (formula) return formula;
    return (tab.rows[row - 1] && tab.rows[row - 1][column - 1]) || '';
  }

  function cellElement(row, column) {
    return $('grid').querySelector(`td[data-row="${row}"][data-column="${column}"]`);
  }

  /** Shows the selected cell in the formula bar (not over what the user is typing there). */
  function showSelection(keepTyping = false) {
    $('name-box').value = `${columnLetter(selection.column)}${selection.row}`;
    const input = $('formula-input');
    if (keepTyping && document.activeElement === input) return;
    input.value = cellText(selection.row, selection.column);
  }

  function select(row, column, scroll) {
    const table = $('grid');
    const maxRow = table.tBodies[0] ? table.tBodies[0].rows.length : 1;
    const maxColumn = table.tHead ? table.tHead.rows[0].cells.length - 1 : 1;
    row = Math.min(Math.max(row, 1), maxRow);
    column = Math.min(Math.max(column, 1), maxColumn);
    for (const old of table.querySelectorAll('.selected, .current'))
      old.classList.remove('selected', 'current');
    selection = { row, column };
    const td = cellElement(row, column);
    if (td) {
      td.classList.add('selected');
      if (scroll) td.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    }
    const colHead = table.querySelector(`th.col-head[data-column="${column}"]`);
    if (colHead) colHead.classList.add('current');
    const rowHead =
      table.tBodies[0] && table.tBodies[0].rows[row - 1] && table.tBodies[0].rows[row - 1].cells[0];
    if (rowHead) rowHead.classList.add('current');
    showSelection();
  }

  // ---- editing cells by hand ----------------------------------------------------------------

  function startEditing(initial) {
    const td = cellElement(selection.row, selection.column);
    if (!td || editing) return;
    const input = el('input', {
      className: 'cell-editor',
      'aria-label': `Edit cell ${columnLetter(selection.column)}${selection.row}`,
      autocomplete: 'off',
    });
    input.value = initial === undefined ? cellText(selection.row, selection.column) : initial;
    editing = { row: selection.row, column: selection.column, input, td };
    td.classList.add('editing');
    td.replaceChildren(input);
    input.focus();
    input.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' || e.key === 'Tab') {
        e.preventDefault();
        const move = e.key === 'Enter' ? [e.shiftKey ? -1 : 1, 0] : [0, e.shiftKey ? -1 : 1];
        commitEdit(move);
      } else if (e.key === 'Escape') {
        e.preventDefault();
        cancelEdit();
      }
    });
    input.addEventListener('blur', () => {
      if (editing && editing.input === input) commitEdit(null);
    });
  }

  function cancelEdit() {
    if (!editing) return;
    const { td, row, column } = editing;
    editing = null;
    td.classList.remove('editing');
    const tab = currentTab();
    fillCell(td, (tab.rows[row - 1] && tab.rows[row - 1][column - 1]) || '');
    if (gridStale) {
      gridStale = false;
      renderGrid();
    }
    $('grid-scroll').focus();
  }

  async function commitEdit(move) {
    if (!editing) return;
    const { row, column, input } = editing;
    const text = input.value;
    const unchanged = text === cellText(row, column);
    cancelEdit();
    const saved = unchanged || (await writeCell(row, column, text));
    // As in Sheets, a refused entry keeps the cell selected; an accepted one moves on.
    if (saved && move) select(selection.row + move[0], selection.column + move[1], true);
  }

  /** Writes a cell as the user typing; false when the sheet refused it (the user is told why). */
  async function writeCell(row, column, text) {
    const tab = activeTab;
    const reply = await request('POST', '/api/cell', { tab, row, column, text });
    applyReply(reply);
    gridScroll.focus();
    if (reply.ok === false) {
      showAlert('There was a problem', reply.error || 'The cell could not be changed.');
      return false;
    }
    return true;
  }

  const gridScroll = $('grid-scroll');
  gridScroll.addEventListener('mousedown', (e) => {
    const td = e.target.closest('td[data-row]');
    if (!td || (editing && editing.td === td)) return;
    select(Number(td.dataset.row), Number(td.dataset.column), false);
  });
  gridScroll.addEventListener('dblclick', (e) => {
    const td = e.target.closest('td[data-row]');
    if (td) startEditing();
  });
  gridScroll.addEventListener('keydown', (e) => {
    if (editing || !state || e.target !== gridScroll) return;
    const moves = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
    if (moves[e.key]) {
      e.preventDefault();
      select(selection.row + moves[e.key][0], selection.column + moves[e.key][1], true);
    } else if (e.key === 'Enter' || e.key === 'F2') {
      e.preventDefault();
      startEditing();
    } else if (e.key === 'Delete' || e.key === 'Backspace') {
      e.preventDefault();
      if (cellText(selection.row, selection.column) !== '')
        writeCell(selection.row, selection.column, '');
    } else if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault();
      startEditing(e.key);
    }
  });

  const formulaInput = $('formula-input');
  formulaInput.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      const text = formulaInput.value;
      if (text !== cellText(selection.row, selection.column))
        writeCell(selection.row, selection.column, text);
      else gridScroll.focus();
    } else if (e.key === 'Escape') {
      showSelection();
      gridScroll.focus();
    }
  });

  // ---- UI events: sidebars, dialogs, alerts, toasts -----------------------------------------

  function showUiEvent(event) {
    if (event.type === 'sidebar') openSidebar(event.title, event.html);
    else if (event.type === 'dialog') openHtmlDialog(event);
    else if (event.type === 'alert')
      showAlert(event.title, event.message, event.buttons, event.answer);
    else if (event.type === 'toast') showToast(event.title, event.message);
  }

  /** An iframe for HtmlService content: sandboxed as in Apps Script, google.script bridged. */
  function hostedFrame(kind, html, title) {
    const frame = el('iframe', {
      className: `${kind}-frame`,
      id: `${kind}-frame`,
      title,
      sandbox: 'allow-scripts allow-forms allow-popups allow-modals',
    });
    frame.srcdoc = html;
    return frame;
  }

  function forgetFrames(kind) {
    for (const [win, info] of hostedFrames) if (info.kind === kind) hostedFrames.delete(win);
  }

  function openSidebar(title, html) {
    const body = $('sidebar-body');
    forgetFrames('sidebar');
    const frame = hostedFrame('sidebar', html, title || 'Add-on sidebar');
    body.replaceChildren(frame);
    hostedFrames.set(frame.contentWindow, { kind: 'sidebar' });
    $('sidebar-title').textContent = title || '';
    $('sidebar').hidden = false;
  }

  function closeSidebar() {
    forgetFrames('sidebar');
    $('sidebar-body').replaceChildren();
    $('sidebar').hidden = true;
  }
  $('sidebar-close').addEventListener('click', closeSidebar);

  function openHtmlDialog(event) {
    const dialog = $('html-dialog');
    if (dialog.open) dialog.close();
    forgetFrames('dialog');
    const frame = hostedFrame('dialog', event.html, event.title || 'Add-on dialog');
    frame.style.width = `${event.width || 600}px`;
    frame.style.height = `${event.height || 400}px`;
    $('html-dialog-title').textContent = event.title || '';
    $('html-dialog-body').replaceChildren(frame);
    hostedFrames.set(frame.contentWindow, { kind: 'dialog' });
    if (event.modal) dialog.showModal();
    else dialog.show();
  }

  function closeHtmlDialog() {
    forgetFrames('dialog');
    $('html-dialog-body').replaceChildren();
    const dialog = $('html-dialog');
    if (dialog.open) dialog.close();
  }

  const BUTTON_SETS = {
    OK: ['OK'],
    OK_CANCEL: ['OK', 'Cancel'],
    YES_NO: ['Yes', 'No'],
    YES_NO_CANCEL: ['Yes', 'No', 'Cancel'],
  };

  function showAlert(title, message, buttons, answer) {
    const dialog = $('alert-dialog');
    if (dialog.open) dialog.close();
    $('alert-title').textContent = title || 'Message';
    $('alert-message').textContent = message || '';
    const captions = BUTTON_SETS[buttons] || ['OK'];
    const note =
      answer && captions.length > 1 ? `The emulator answered “${answer}” for the script.` : '';
    $('alert-note').textContent = note;
    $('alert-note').hidden = note === '';
    const form = $('alert-buttons');
    form.replaceChildren(
      ...captions.map((caption, i) =>
        el('button', {
          className: `button${i === 0 ? ' primary' : ''}`,
          value: caption,
          text: caption,
        }),
      ),
    );
    dialog.showModal();
  }

  function showToast(title, message) {
    const toast = el(
      'div',
      { className: 'toast', role: 'status' },
      el(
        'div',
        { className: 'toast-text' },
        title ? el('strong', { text: title }) : null,
        el('span', { text: message || '' }),
      ),
      el('button', {
        className: 'icon-button',
        type: 'button',
        'aria-label': 'Dismiss',
        text: '×',
        onclick: () => toast.remove(),
      }),
    );
    $('toasts').append(toast);
    setTimeout(() => toast.remove(), 6000);
  }

  // google.script.run and google.script.host calls from the sidebar and dialogs.
  window.addEventListener('message', async (event) => {
    const info = hostedFrames.get(event.source);
    const data = event.data;
    if (!info || !data || data.channel !== 'gas-shim') return;
    if (data.type === 'close') {
      if (info.kind === 'sidebar') closeSidebar();
      else closeHtmlDialog();
    } else if (data.type === 'focus-editor') {
      gridScroll.focus();
    } else if (data.type === 'run' && typeof data.fn === 'string') {
      const source = event.source;
      const reply = await request('POST', '/api/run', {
        fn: data.fn,
        args: Array.isArray(data.args) ? data.args : [],
      });
      const result = reply.ok
        ? { channel: 'gas-host', type: 'result', id: data.id, ok: true, value: reply.value }
        : {
            channel: 'gas-host',
            type: 'result',
            id: data.id,
            ok: false,
            error: reply.error || 'The script failed.',
          };
      // The frame may have been closed or replaced meanwhile: answer only if it is still shown.
      if (hostedFrames.has(source)) source.postMessage(result, '*');
      applyReply(reply);
    }
  });

  for (const dialog of document.querySelectorAll('dialog')) {
    dialog.addEventListener('click', (e) => {
      if (e.target.closest('[data-close]')) {
        if (dialog.id === 'html-dialog') closeHtmlDialog();
        else dialog.close();
      }
    });
  }
  $('html-dialog').addEventListener('close', () => forgetFrames('dialog'));

  // ---- the emulator drawer ------------------------------------------------------------------

  function renderDrawer() {
    const today = $('today');
    if (document.activeElement !== today) today.value = state.today;
    $('clock-text').textContent = `Emulated time: ${new Intl.DateTimeFormat('en-GB', {
      timeZone: state.timeZone,
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
    }).format(new Date(state.now))} (${state.timeZone})`;

    const triggers = $('triggers');
    triggers.replaceChildren(
      ...(state.triggers.length === 0
        ? [el('li', { className: 'empty', text: 'No triggers installed.' })]
        : state.triggers.map((t) =>
            el(
              'li',
              {},
              el('strong', { text: t.handler }),
              ` · ${t.schedule}`,
              el('div', {
                className: 'muted small',
                text: `Next run ${t.nextRun ? formatDateTime(t.nextRun) : '–'} · runs as ${t.owner}`,
              }),
            ),
          )),
    );

    $('outbox-count').textContent = String(state.outbox.length);
    $('outbox').replaceChildren(
      ...(state.outbox.length === 0
        ? [el('li', { className: 'empty', text: 'No email sent yet.' })]
        : state.outbox.map((m) =>
            el(
              'li',
              {},
              el(
                'button',
                { type: 'button', className: 'list-button', onclick: () => openEmail(m.id) },
                el('span', { className: 'subject', text: m.subject || '(no subject)' }),
                el('span', {
                  className: 'muted small',
                  text: `To ${m.to.join(', ')} · ${formatDateTime(m.sentAt)}`,
                }),
              ),
            ),
          )),
    );

    $('docs-count').textContent = String(state.docs.length);
    $('docs').replaceChildren(
      ...(state.docs.length === 0
        ? [el('li', { className: 'empty', text: 'No Docs created yet.' })]
        : state.docs.map((d) =>
            el(
              'li',
              {},
              el(
                'button',
                { type: 'button', className: 'list-button', onclick: () => openDoc(d) },
                el('span', { className: 'subject', text: d.name }),
                el('span', {
                  className: 'muted small',
                  text: `Updated ${formatDateTime(d.updatedAt)}`,
                }),
              ),
            ),
          )),
    );

    const last = state.lastCalls;
    $('calls-label').textContent = last
      ? `${last.label}${last.ok ? '' : ' (failed)'}: ${last.total} service call${last.total === 1 ? '' : 's'}`
      : 'No action yet.';
    $('calls').replaceChildren(
      ...(last ? last.calls : []).map(([method, count]) =>
        el('tr', {}, el('td', { text: method }), el('td', { className: 'num', text: count })),
      ),
    );

    $('executions').replaceChildren(
      ...state.executions.map((x) =>
        el(
          'li',
          { className: x.status === 'failed' ? 'failed' : undefined },
          el('span', { text: `${formatDateTime(x.startedAt)} · ` }),
          el('strong', { text: x.functionName }),
          ` · ${x.kind}`,
          x.status === 'failed'
            ? el('div', { className: 'error small', text: `Failed: ${x.error || ''}` })
            : null,
        ),
      ),
    );
  }

  async function openEmail(id) {
    const email = await request('GET', `/api/outbox/${encodeURIComponent(id)}`);
    if (email.error) {
      showAlert('Email not found', email.error);
      return;
    }
    $('email-subject').textContent = email.subject || '(no subject)';
    const headers = [
      ['From', email.name ? `${email.name} <${email.from}>` : email.from],
      ['To', email.to.join(', ')],
      ['Cc', email.cc.join(', ')],
      ['Bcc', email.bcc.join(', ')],
      ['Reply to', email.replyTo || ''],
      ['Sent', formatDateTime(email.sentAt)],
    ].filter(([, value]) => value);
    $('email-headers').replaceChildren(
      ...headers.flatMap(([name, value]) => [el('dt', { text: name }), el('dd', { text: value })]),
    );
    const body = $('email-body');
    if (email.htmlBody) {
      const frame = el('iframe', {
        title: 'Email body',
        sandbox: 'allow-popups allow-popups-to-escape-sandbox',
      });
      frame.srcdoc = email.htmlBody;
      body.replaceChildren(
        frame,
        el(
          'details',
          {},
          el('summary', { text: 'Plain-text version' }),
          el('pre', { text: email.body || '' }),
        ),
      );
    } else {
      body.replaceChildren(el('pre', { text: email.body || '' }));
    }
    $('email-dialog').showModal();
  }

  function openDoc(doc) {
    const url = `/docs/${encodeURIComponent(doc.id)}`;
    $('doc-title').textContent = doc.name;
    $('doc-open').href = url;
    $('doc-body').replaceChildren(
      el('iframe', {
        title: doc.name,
        src: url,
        sandbox: 'allow-popups allow-popups-to-escape-sandbox',
      }),
    );
    $('doc-dialog').showModal();
  }

  $('today').addEventListener('change', async (e) => {
    const date = e.target.value;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return;
    const reply = await request('POST', '/api/clock', { date });
    if (reply.error) showAlert('The clock was not changed', reply.error);
    else {
      render(reply);
      announce(`Today is now ${date}.`);
    }
  });

  $('fire').addEventListener('click', async () => {
    const reply = await request('POST', '/api/fire', {});
    applyReply(reply);
    const results = Array.isArray(reply.value) ? reply.value : [];
    let text;
    if (reply.ok === false && results.length === 0) text = `Failed: ${reply.error}`;
    else if (results.length === 0) text = 'No trigger was due.';
    else
      text = results
        .map((r) => (r.ok ? `${r.handler} ran.` : `${r.handler} failed: ${r.error}`))
        .join(' ');
    $('fire-result').textContent = text;
  });

  $('reopen').addEventListener('click', async () => {
    applyReply(await request('POST', '/api/open', {}));
    announce('The document was opened again.');
  });

  // The note about the trial: once dismissed, it stays away on this computer.
  const BANNER_KEY = 'trial-banner-dismissed';
  const storedDismissal = () => {
    try {
      return window.localStorage.getItem(BANNER_KEY) === 'yes';
    } catch {
      return false; // storage switched off: the note shows, and can still be dismissed
    }
  };
  if (storedDismissal()) $('trial-banner').hidden = true;
  $('trial-banner-close').addEventListener('click', () => {
    $('trial-banner').hidden = true;
    try {
      window.localStorage.setItem(BANNER_KEY, 'yes');
    } catch {
      // Dismissed for this visit only.
    }
    gridScroll.focus();
  });

  $('drawer-toggle').addEventListener('click', () => {
    const drawer = $('drawer');
    drawer.hidden = !drawer.hidden;
    $('drawer-toggle').setAttribute('aria-expanded', String(!drawer.hidden));
  });

  refresh();
})();
