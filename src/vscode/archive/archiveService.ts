import * as vscode from 'vscode';
import { askArchive, type ArchiveOutcome } from '../../core/archive/askArchive';
import { parseArchiveConnection } from '../../core/archive/connection';
import type { CorpusStore, StoreStats } from '../../core/index/corpusStore';
import { plural } from '../../core/util/plural';
import { createArchiveStore, type ArchiveStoreOptions } from '../../node/archive/createArchiveStore';

export type ArchiveState =
  | { kind: 'off' }
  | { kind: 'connecting'; label: string }
  | { kind: 'ready'; label: string; stats: StoreStats }
  | { kind: 'unreachable'; label?: string; reason: string };

export const ARCHIVE_SETTINGS = {
  connection: 'archive.connection',
  timeoutMs: 'archive.timeoutMs',
} as const;
const DEFAULT_TIMEOUT_MS = 1500;
/** After a failure, queries do not wait on the server; it is tried again in the background this often. */
const RECONNECT_AFTER_MS = 30_000;
/** A hover over the same entity within this time reuses the archive's answer. */
const ANSWER_TTL_MS = 60_000;
const ANSWER_CACHE_SIZE = 64;
/** The least time a query gets when a slow connection used most of the budget. */
const MIN_QUERY_MS = 100;

/** The secret-storage key of the password for one archive (user, server and database). */
function passwordKey(label: string): string {
  return `sourceAnnotator.archive.password:${label}`;
}

/**
 * The team archive as the editor uses it: the connection from the settings (the password from VS Code's
 * SecretStorage), the server's state, and queries that never wait long on it. While the server is down or
 * slow, queries answer "unavailable" at once and the server is tried again in the background.
 */
export class ArchiveService implements vscode.Disposable {
  private store: CorpusStore | undefined;
  private stateValue: ArchiveState = { kind: 'off' };
  private readonly stateEmitter = new vscode.EventEmitter<ArchiveState>();
  readonly onDidChangeState = this.stateEmitter.event;
  private readonly disposables: vscode.Disposable[] = [this.stateEmitter];
  /** Bumped by each (re)connection, so a late answer of an older connection changes nothing. */
  private generation = 0;
  private lastAttempt = 0;
  private connecting: Promise<void> | undefined;
  private readonly answers = new Map<string, { at: number; value: unknown }>();

  constructor(
    private readonly secrets: vscode.SecretStorage,
    private readonly log: vscode.LogOutputChannel,
    private readonly factory: (options: ArchiveStoreOptions) => CorpusStore = createArchiveStore,
  ) {
    this.disposables.push(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(`sourceAnnotator.${ARCHIVE_SETTINGS.connection}`) || e.affectsConfiguration(`sourceAnnotator.${ARCHIVE_SETTINGS.timeoutMs}`)) {
          void this.connect();
        }
      }),
      secrets.onDidChange((e) => {
        if (e.key.startsWith('sourceAnnotator.archive.password:')) void this.connect();
      }),
    );
  }

  get state(): ArchiveState {
    return this.stateValue;
  }

  /** True when a connection is set (whether or not the server answers). */
  get enabled(): boolean {
    return this.connectionSetting() !== '';
  }

  get timeoutMs(): number {
    const value = vscode.workspace.getConfiguration('sourceAnnotator').get<number>(ARCHIVE_SETTINGS.timeoutMs, DEFAULT_TIMEOUT_MS);
    return Number.isFinite(value) ? Math.min(60_000, Math.max(100, value)) : DEFAULT_TIMEOUT_MS;
  }

  private connectionSetting(): string {
    return (vscode.workspace.getConfiguration('sourceAnnotator').get<string>(ARCHIVE_SETTINGS.connection, '') ?? '').trim();
  }

  /** (Re)connects from the settings and checks that the server answers; resolves once the state says how it went. */
  connect(): Promise<void> {
    const run: Promise<void> = this.doConnect().finally(() => {
      if (this.connecting === run) this.connecting = undefined;
    });
    this.connecting = run;
    return run;
  }

  private async doConnect(): Promise<void> {
    const generation = ++this.generation;
    this.lastAttempt = Date.now();
    this.answers.clear();
    const previous = this.store;
    this.store = undefined;
    if (previous) void previous.close().catch(() => undefined);
    const setting = this.connectionSetting();
    if (!setting) {
      this.setState({ kind: 'off' });
      return;
    }
    const parsed = parseArchiveConnection(setting);
    if (!parsed.ok) {
      this.fail(generation, undefined, `the setting sourceAnnotator.archive.connection is not usable: ${parsed.error}`);
      return;
    }
    this.setState({ kind: 'connecting', label: parsed.label });
    const password = await this.secrets.get(passwordKey(parsed.label));
    if (generation !== this.generation) return;
    let store: CorpusStore;
    try {
      store = this.factory({ connection: parsed.url, password, timeoutMs: this.timeoutMs });
    } catch (err) {
      this.fail(generation, parsed.label, err instanceof Error ? err.message : String(err));
      return;
    }
    this.store = store;
    const outcome = await askArchive((signal) => store.stats(signal), { timeoutMs: this.timeoutMs });
    if (generation !== this.generation) return;
    if (outcome.status === 'ok') {
      this.log.info(`Team archive ${parsed.label}: ${outcome.value.articles} articles, answered in ${outcome.ms} ms`);
      this.setState({ kind: 'ready', label: parsed.label, stats: outcome.value });
    } else {
      this.fail(generation, parsed.label, outcome.status === 'timeout' ? `no answer within ${outcome.timeoutMs} ms` : outcome.status === 'unavailable' ? outcome.reason : 'cancelled');
    }
  }

  private fail(generation: number, label: string | undefined, reason: string): void {
    if (generation !== this.generation) return;
    this.log.warn(`Team archive${label ? ` ${label}` : ''} unreachable: ${reason}`);
    this.setState({ kind: 'unreachable', label, reason });
  }

  private setState(state: ArchiveState): void {
    this.stateValue = state;
    this.stateEmitter.fire(state);
  }

  /**
   * Asks the archive, within the timeout and until `signal` aborts. Undefined when no archive is set.
   * While the server is unreachable the answer is "unavailable" at once (no waiting), and a reconnection
   * starts in the background every RECONNECT_AFTER_MS.
   */
  async ask<T>(ask: (store: CorpusStore, signal: AbortSignal) => Promise<T>, signal?: AbortSignal, cacheKey?: string): Promise<ArchiveOutcome<T> | undefined> {
    if (!this.enabled) return undefined;
    // One budget for the whole question, a connection still being made included.
    const timeoutMs = this.timeoutMs;
    const deadline = Date.now() + timeoutMs;
    if (this.connecting) await settledBy(this.connecting, timeoutMs, signal);
    if (signal?.aborted) return { status: 'cancelled' };
    const state = this.stateValue;
    // the connection's own check has not answered within the budget: it will say unreachable shortly
    if (state.kind === 'connecting') return { status: 'timeout', timeoutMs };
    if (state.kind === 'unreachable' || !this.store) {
      if (Date.now() - this.lastAttempt > RECONNECT_AFTER_MS && !this.connecting) void this.connect();
      return { status: 'unavailable', reason: state.kind === 'unreachable' ? state.reason : 'not connected yet' };
    }
    if (cacheKey) {
      const cached = this.answers.get(cacheKey);
      if (cached && Date.now() - cached.at < ANSWER_TTL_MS) return { status: 'ok', value: cached.value as T, ms: 0 };
    }
    const store = this.store;
    const generation = this.generation;
    const budget = Math.max(MIN_QUERY_MS, deadline - Date.now());
    const outcome = await askArchive((s) => ask(store, s), { timeoutMs: budget, signal });
    if (generation !== this.generation) return outcome;
    if (outcome.status === 'ok' && cacheKey) {
      if (this.answers.size >= ANSWER_CACHE_SIZE) this.answers.delete(this.answers.keys().next().value!);
      this.answers.set(cacheKey, { at: Date.now(), value: outcome.value });
    }
    const label = 'label' in state ? state.label : undefined;
    if (outcome.status === 'unavailable') this.fail(generation, label, outcome.reason);
    // a query cut short by a slow connection is no sign of a slow server; one that had the whole budget is
    else if (outcome.status === 'timeout' && budget >= timeoutMs) this.fail(generation, label, `no answer within ${timeoutMs} ms`);
    return outcome.status === 'timeout' ? { status: 'timeout', timeoutMs } : outcome;
  }

  /** The command "Set Archive Password…": kept in SecretStorage under the archive's user, server and database. */
  async setPassword(): Promise<void> {
    const setting = this.connectionSetting();
    if (!setting) {
      const open = await vscode.window.showWarningMessage(
        'Source Annotator: set the archive\'s address first (sourceAnnotator.archive.connection, e.g. postgres://analyst@archive.example.org:5432/news).',
        'Open Settings');
      if (open) await vscode.commands.executeCommand('workbench.action.openSettings', 'sourceAnnotator.archive');
      return;
    }
    const parsed = parseArchiveConnection(setting);
    if (!parsed.ok) {
      void vscode.window.showErrorMessage(`Source Annotator: ${parsed.error}`);
      return;
    }
    const password = await vscode.window.showInputBox({
      title: 'Source Annotator: archive password',
      prompt: `Password for ${parsed.label}. It is kept in VS Code's secret storage, never in settings. Leave empty to forget the stored one.`,
      password: true,
      ignoreFocusOut: true,
    });
    if (password === undefined) return;
    if (password === '') await this.secrets.delete(passwordKey(parsed.label));
    else await this.secrets.store(passwordKey(parsed.label), password);
    await this.connect();
    this.reportState();
  }

  /** The command "Reconnect to Archive": connects again and says how it went. */
  async retry(): Promise<void> {
    if (!this.enabled) {
      await this.setPassword();
      return;
    }
    await this.connect();
    this.reportState();
  }

  private reportState(): void {
    const state = this.stateValue;
    if (state.kind === 'ready') {
      void vscode.window.setStatusBarMessage(`Source Annotator: connected to the team archive (${plural(state.stats.articles, 'article')})`, 4000);
    } else if (state.kind === 'unreachable') {
      void vscode.window.showWarningMessage(`Source Annotator: the team archive is unreachable: ${state.reason}. The editor works from the workspace alone.`);
    }
  }

  dispose(): void {
    this.generation++;
    void this.store?.close().catch(() => undefined);
    this.store = undefined;
    for (const d of this.disposables) d.dispose();
  }
}

/** Resolves when `work` settles, `ms` pass or `signal` aborts, whichever comes first; never rejects. */
function settledBy(work: Promise<unknown>, ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
    work.then(done, done);
  });
}

/** The archive at a glance: hidden without one; "Archive: unreachable" (why, in the tooltip; a click retries). */
export class ArchiveStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('sourceAnnotator.archive', vscode.StatusBarAlignment.Left, 9);
  private readonly subscription: vscode.Disposable;
  private visible = false;

  constructor(archive: ArchiveService) {
    this.item.name = 'Source Annotator Team Archive';
    this.item.command = 'sourceAnnotator.archive.retry';
    this.subscription = archive.onDidChangeState((s) => this.render(s));
    this.render(archive.state);
  }

  private render(state: ArchiveState): void {
    this.item.backgroundColor = undefined;
    switch (state.kind) {
      case 'off':
        this.visible = false;
        this.item.hide();
        return;
      case 'connecting':
        this.item.text = '$(sync~spin) Archive';
        this.item.tooltip = `Source Annotator: connecting to the team archive ${state.label}…`;
        break;
      case 'ready':
        this.item.text = '$(database) Archive';
        this.item.tooltip = `Source Annotator: team archive ${state.label}: ${plural(state.stats.articles, 'article')}, ` +
          `${plural(state.stats.entities, 'entity')}, ${plural(state.stats.mentions, 'mention')}. Hover cards, references and the Entities view ` +
          'include its matches, labelled as archive results. Click to reconnect.';
        break;
      case 'unreachable':
        this.item.text = '$(debug-disconnect) Archive: unreachable';
        this.item.tooltip = `Source Annotator: the team archive${state.label ? ` ${state.label}` : ''} is unreachable: ${state.reason}. ` +
          'Hover cards, references and the Entities view show the workspace alone. Click to retry.';
        this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
        break;
    }
    this.item.accessibilityInformation = { label: this.item.tooltip as string };
    this.visible = true;
    this.item.show();
  }

  /** For tests and scripts: what the item shows (nothing when hidden). */
  get shown(): { text: string; tooltip: string } | undefined {
    return this.visible ? { text: this.item.text, tooltip: String(this.item.tooltip ?? '') } : undefined;
  }

  dispose(): void {
    this.subscription.dispose();
    this.item.dispose();
  }
}
