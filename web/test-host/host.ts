// A minimal MCP Apps host for the browser tests (not shipped): it loads a
// view's HTML into a sandboxed iframe under the strict default CSP, speaks the
// Apps postMessage protocol to it through the SDK's AppBridge, sends the tool
// input and a tool result, and forwards the view's tool calls to the test
// (which passes them to the real MCP server).
import { AppBridge, PostMessageTransport } from '@modelcontextprotocol/ext-apps/app-bridge';
import type { CallToolRequest, CallToolResult } from '@modelcontextprotocol/sdk/types.js';

declare global {
  interface Window {
    /** Exposed by the test: runs a tools/call on the real MCP server. */
    hostCallTool(params: CallToolRequest['params']): Promise<CallToolResult>;
    showView(html: string, args: Record<string, unknown>, result: CallToolResult): Promise<void>;
    hostLog: string[];
  }
}

// What hosts apply when a resource declares no domains (the view must work under it).
const DEFAULT_CSP = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; media-src data:; connect-src 'none'";

window.hostLog = [];

window.showView = async (html, args, result) => {
  const frame = document.createElement('iframe');
  frame.setAttribute('sandbox', 'allow-scripts');
  frame.title = 'MCP App: OGC process results';
  frame.srcdoc = html.replace('<head>', `<head><meta http-equiv="Content-Security-Policy" content="${DEFAULT_CSP}">`);
  document.getElementById('frame-holder')!.replaceChildren(frame);
  await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));

  const bridge = new AppBridge(null, { name: 'test-host', version: '1.0.0' }, { openLinks: {}, serverTools: {}, logging: {} }, {
    hostContext: { theme: 'light', displayMode: 'inline', containerDimensions: { maxHeight: 900, width: 640 } },
  });
  bridge.oncalltool = async (params) => {
    window.hostLog.push(`tools/call ${params.name}`);
    return window.hostCallTool(params);
  };
  bridge.onopenlink = async (params) => {
    window.hostLog.push(`open ${params.url}`);
    return {};
  };
  bridge.onsizechange = ({ height }) => {
    if (height) frame.style.height = `${Math.min(height, 900)}px`;
  };
  const initialized = new Promise<void>((resolve) => (bridge.oninitialized = () => resolve()));
  await bridge.connect(new PostMessageTransport(frame.contentWindow!, frame.contentWindow!));
  await initialized;
  window.hostLog.push('initialized');
  await bridge.sendToolInput({ arguments: args });
  await bridge.sendToolResult(result);
};
