// The `lsp` subcommand's options; the language server is loaded only when it starts.
import type { CliCommand } from '../cli-io.js';

export const command: CliCommand = {
  register(program, io) {
    program
      .command('lsp')
      .description('启动语言服务器，供编辑器使用 · start the language server for editors')
      .requiredOption('--stdio', '通过标准输入输出通信 · talk over stdin/stdout')
      // read by vscode-languageserver itself from process.argv; VS Code's client always passes it
      .option('--clientProcessId <pid>', '编辑器进程号，该进程退出时服务器随之退出 · exit when this editor process exits')
      .action(async () => {
        // The connection owns the process from here: it exits on the client's `exit` or when stdin closes.
        (await import('../actions/lsp.js')).startStdioServer(io);
      });
  },
};
