import * as vscode from 'vscode';
import { NAME_TYPES, type NameType } from '../../core/extract';
import { entityKeyType, type EntityKey } from '../../core/index/entityKey';
import type { EntityRef, RegistryDocument } from '../../core/registry/registryDocument';
import type { DocumentAnalyzer } from '../analysis/documentAnalyzer';
import { TYPE_LABELS } from '../categories';
import { indexedSpanAt } from '../index/lookup';
import type { WorkspaceIndex } from '../index/workspaceIndex';
import type { RegistryService } from './registryService';
import { plural } from '../../core/util/plural';

interface Deps {
  registry: RegistryService;
  workspace: WorkspaceIndex;
  analyzer: DocumentAnalyzer;
}

/**
 * Registry edits from hover-card links (which pass the entity key) and from the palette (which use the
 * entity under the cursor). Every argument can be given, so tests and keybindings need no prompts.
 */
export function registerRegistryCommands(deps: Deps): vscode.Disposable[] {
  const { registry, workspace } = deps;

  const refOf = (key: EntityKey): EntityRef => ({ canonical: workspace.index.displayName(key), type: entityKeyType(key) });
  /** Curates an entity the extractor found, so that registry edits have an entry to change. */
  const ensure = (doc: RegistryDocument, ref: EntityRef): void => {
    const known = doc.toEntityRegistry().entities.some((e) => e.canonical === ref.canonical && (!ref.type || e.type === ref.type));
    if (!known && ref.type) doc.markEntity(ref.canonical, ref.type);
  };
  const keyUnderCursor = (): EntityKey | undefined => {
    const editor = vscode.window.activeTextEditor;
    if (!editor) return undefined;
    const hit = indexedSpanAt(workspace, deps.analyzer, editor.document, editor.selection.active);
    return hit?.key && entityKeyType(hit.key) ? hit.key : undefined;
  };
  const requireKey = (key: unknown): EntityKey | undefined => {
    const k = typeof key === 'string' && entityKeyType(key) ? key : keyUnderCursor();
    if (!k) void vscode.window.showInformationMessage('Source Annotator: put the cursor on a highlighted name first.');
    return k;
  };
  const pickEntity = async (exclude: EntityKey): Promise<EntityKey | undefined> => {
    const items = workspace.index.workspaceSymbols('', 2000).filter((s) => s.key !== exclude)
      .map((s) => ({ label: s.name, description: `${TYPE_LABELS[s.type]} · ${plural(s.articleCount, 'article')}`, key: s.key }));
    return (await vscode.window.showQuickPick(items, { title: 'Merge into which entity?', matchOnDescription: true }))?.key;
  };
  const pickType = async (current?: NameType): Promise<NameType | undefined> => {
    const items = NAME_TYPES.map((t) => ({ label: TYPE_LABELS[t], type: t, picked: t === current }));
    return (await vscode.window.showQuickPick(items, { title: 'Entity type' }))?.type;
  };

  const table: Record<string, (...args: unknown[]) => unknown> = {
    'sourceAnnotator.registry.addAlias': async (key?: unknown, surface?: unknown, alias?: unknown) => {
      const k = requireKey(key);
      if (!k) return false;
      const value = typeof alias === 'string' ? alias
        : await vscode.window.showInputBox({ title: `Add an alias for ${workspace.index.displayName(k)}`, value: typeof surface === 'string' ? surface : '' });
      if (!value?.trim()) return false;
      return registry.edit(`add alias "${value}"`, (doc) => { const ref = refOf(k); ensure(doc, ref); doc.addAlias(ref, value); });
    },
    'sourceAnnotator.registry.merge': async (key?: unknown, into?: unknown) => {
      const k = requireKey(key);
      if (!k) return false;
      const target = typeof into === 'string' && entityKeyType(into) ? into : await pickEntity(k);
      if (!target) return false;
      const source = refOf(k);
      const dest = refOf(target);
      return registry.edit(`merge "${source.canonical}" into "${dest.canonical}"`, (doc) => { ensure(doc, dest); ensure(doc, source); doc.merge(dest, source); });
    },
    'sourceAnnotator.registry.split': async (key?: unknown, aliases?: unknown, name?: unknown) => {
      const k = requireKey(key);
      if (!k) return false;
      const ref = refOf(k);
      const entry = registry.registry.entities.find((e) => e.canonical === ref.canonical);
      if (!entry?.aliases?.length) {
        void vscode.window.showInformationMessage(`Source Annotator: "${ref.canonical}" has no aliases in the registry to split off.`);
        return false;
      }
      const moving = Array.isArray(aliases) ? aliases.map(String)
        : (await vscode.window.showQuickPick(entry.aliases, { canPickMany: true, title: `Split which aliases off "${ref.canonical}"?` })) ?? [];
      if (!moving.length) return false;
      const canonical = typeof name === 'string' ? name : await vscode.window.showInputBox({ title: 'Name of the new entity', value: moving[0] });
      if (!canonical) return false;
      return registry.edit(`split "${canonical}" off "${ref.canonical}"`, (doc) => doc.split(ref, moving, { canonical, type: ref.type }));
    },
    'sourceAnnotator.registry.ignore': async (surface?: unknown) => {
      let text = typeof surface === 'string' ? surface : undefined;
      if (!text) {
        const editor = vscode.window.activeTextEditor;
        const selected = editor && !editor.selection.isEmpty ? editor.document.getText(editor.selection) : undefined;
        const k = selected ? undefined : keyUnderCursor();
        text = selected ?? (k ? workspace.index.displayName(k) : undefined);
      }
      if (!text) return false;
      return registry.edit(`ignore "${text}"`, (doc) => { doc.ignore(text!); });
    },
    'sourceAnnotator.registry.markEntity': async (typeArg?: unknown, textArg?: unknown) => {
      const editor = vscode.window.activeTextEditor;
      const text = typeof textArg === 'string' ? textArg : editor && !editor.selection.isEmpty ? editor.document.getText(editor.selection).trim() : '';
      if (!text) {
        void vscode.window.showInformationMessage('Source Annotator: select the text to mark as an entity.');
        return false;
      }
      const type = NAME_TYPES.includes(typeArg as NameType) ? (typeArg as NameType) : await pickType();
      if (!type) return false;
      return registry.edit(`mark "${text}" as ${TYPE_LABELS[type]}`, (doc) => doc.markEntity(text, type));
    },
    'sourceAnnotator.registry.changeType': async (key?: unknown, typeArg?: unknown) => {
      const k = requireKey(key);
      if (!k) return false;
      const ref = refOf(k);
      const type = NAME_TYPES.includes(typeArg as NameType) ? (typeArg as NameType) : await pickType(ref.type);
      if (!type) return false;
      return registry.edit(`change the type of "${ref.canonical}"`, (doc) => { ensure(doc, ref); doc.changeType(ref, type); });
    },
    'sourceAnnotator.registry.setDescription': async (key?: unknown, text?: unknown) => {
      const k = requireKey(key);
      if (!k) return false;
      const ref = refOf(k);
      const value = typeof text === 'string' ? text : await vscode.window.showInputBox({ title: `Description of ${ref.canonical}` });
      if (value === undefined) return false;
      return registry.edit(`describe "${ref.canonical}"`, (doc) => { ensure(doc, ref); doc.setDescription(ref, value); });
    },
    'sourceAnnotator.registry.addLink': async (key?: unknown, url?: unknown) => {
      const k = requireKey(key);
      if (!k) return false;
      const ref = refOf(k);
      const value = typeof url === 'string' ? url : await vscode.window.showInputBox({
        title: `Add a link for ${ref.canonical}`, placeHolder: 'https://…',
        validateInput: (v) => (/^https?:\/\/\S+$/.test(v.trim()) ? undefined : 'Enter an http(s) URL'),
      });
      if (!value) return false;
      return registry.edit(`link "${ref.canonical}"`, (doc) => { ensure(doc, ref); doc.addLink(ref, value.trim()); });
    },
    'sourceAnnotator.registry.open': async () => {
      const uri = registry.uri;
      if (!uri) return;
      try {
        await vscode.workspace.fs.stat(uri);
      } catch {
        await registry.edit('create the registry', () => undefined);
      }
      await vscode.window.showTextDocument(uri);
    },
  };
  return Object.entries(table).map(([id, handler]) => vscode.commands.registerCommand(id, handler));
}
