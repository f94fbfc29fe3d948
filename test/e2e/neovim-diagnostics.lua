-- Opens a filing in headless Neovim (0.7+) with the ptlint language server attached, waits for its diagnostics
-- and writes what Neovim shows, one JSON object per line, to standard output (headless print() goes to stderr).
-- Environment: PTLINT_FILE, the filing; PTLINT_COMMAND, the server command as a JSON array.
local file = vim.env.PTLINT_FILE
local command = vim.fn.json_decode(vim.env.PTLINT_COMMAND)

vim.cmd('edit ' .. vim.fn.fnameescape(file))
local buffer = vim.api.nvim_get_current_buf()
local published = false

local show = vim.lsp.handlers['textDocument/publishDiagnostics']
local client_id = vim.lsp.start_client({
  name = 'ptlint',
  cmd = command,
  root_dir = vim.fn.fnamemodify(file, ':h'),
  handlers = {
    ['textDocument/publishDiagnostics'] = function(err, result, context, config)
      show(err, result, context, config)
      if vim.uri_to_bufnr(result.uri) == buffer then published = true end
    end,
  },
})
vim.lsp.buf_attach_client(buffer, client_id)

if not vim.wait(30000, function() return published end, 20) then
  io.stderr:write('no diagnostics from ptlint within 30 s\n')
  vim.cmd('cquit 1')
end

for _, diagnostic in ipairs(vim.diagnostic.get(buffer)) do
  local lsp = diagnostic.user_data and diagnostic.user_data.lsp or {}
  io.stdout:write(vim.fn.json_encode({
    line = diagnostic.lnum,
    byte_column = diagnostic.col,
    severity = diagnostic.severity,
    code = diagnostic.code or lsp.code,
    message = diagnostic.message,
  }) .. '\n')
end
io.stdout:flush()
vim.lsp.stop_client(client_id)
vim.cmd('qall!')
