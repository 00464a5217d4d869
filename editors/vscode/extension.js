// SPDX-License-Identifier: Apache-2.0
// Starts 'lovc lsp' for .lov files: diagnostics as you type, hover with the
// law's text, go to definition, completion and the outline.
const vscode = require('vscode');
const { LanguageClient } = require('vscode-languageclient/node');

let client;

function activate(context) {
    const lovc = vscode.workspace.getConfiguration('lov').get('lovcPath') || 'lovc';
    const server = { command: lovc, args: ['lsp'] };
    client = new LanguageClient('lov', 'lov', { run: server, debug: server },
                                { documentSelector: [{ scheme: 'file', language: 'lov' }] });
    context.subscriptions.push({ dispose: () => client && client.stop() });
    return client.start();
}

function deactivate() {
    return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
