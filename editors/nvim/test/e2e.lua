-- End-to-end test of the plugin in a real Neovim, run headless by `cargo test` (tests/nvim.rs):
--
--   BIOLINT=target/release/biolint nvim --headless -u NONE -i NONE \
--     -c "luafile editors/nvim/test/e2e.lua" MANUSCRIPT.md
--
-- It opens the manuscript with the plugin, waits for the server's diagnostics and checks their
-- rules and places, a hover card on a gene, and a quick fix applied to the buffer. It exits 0
-- only if everything held, and prints what failed otherwise.

local plugin = vim.fn.fnamemodify(debug.getinfo(1, "S").source:sub(2), ":p:h:h")
vim.opt.runtimepath:prepend(plugin)
vim.cmd("filetype on")

local failures = {}
local function check(condition, message)
  if not condition then
    table.insert(failures, message)
  end
  return condition
end

local function finish()
  if #failures == 0 then
    io.stdout:write("nvim e2e: ok\n")
    vim.cmd("qall!")
  else
    io.stdout:write("nvim e2e: FAILED\n  " .. table.concat(failures, "\n  ") .. "\n")
    vim.cmd("cquit 1")
  end
end

local ok, failure = pcall(function()
  require("biolint").setup({ cmd = { os.getenv("BIOLINT") or "biolint", "lsp" } })
  -- The manuscript was loaded before this script ran (and without filetype detection, under
  -- -u NONE): detecting its type now fires the FileType event that starts the server.
  vim.cmd("filetype detect")
  local buffer = vim.api.nvim_get_current_buf()
  check(vim.bo[buffer].filetype == "markdown", "filetype is " .. vim.bo[buffer].filetype)

  -- Diagnostics: rule ids and positions.
  local arrived = vim.wait(30000, function()
    return #vim.diagnostic.get(buffer) >= 2
  end, 50)
  if not check(arrived, "no diagnostics from the server within 30 s") then
    return
  end
  local found = {}
  for _, d in ipairs(vim.diagnostic.get(buffer)) do
    local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
    table.insert(found, ("%s@%d:%d"):format(code, d.lnum, d.col))
  end
  table.sort(found)
  local expected = { "gene/ambiguous-alias@2:37", "gene/previous-symbol@2:8" }
  check(vim.deep_equal(found, expected),
    "diagnostics " .. vim.inspect(found) .. ", expected " .. vim.inspect(expected))

  -- A hover card on PARK2 names its NCBI Gene ID.
  local position = { line = 2, character = 10 }
  local params = { textDocument = vim.lsp.util.make_text_document_params(buffer), position = position }
  local hover = vim.lsp.buf_request_sync(buffer, "textDocument/hover", params, 10000) or {}
  local card = ""
  for _, response in pairs(hover) do
    if response.result and response.result.contents then
      local contents = response.result.contents
      card = card .. (type(contents) == "table" and (contents.value or vim.inspect(contents)) or contents)
    end
  end
  check(card:find("5071", 1, true) ~= nil, "hover card without NCBI Gene 5071: " .. card)

  -- The preferred quick fix on PARK2 replaces it with PRKN.
  local range = { start = { line = 2, character = 8 }, ["end"] = { line = 2, character = 13 } }
  local diagnostics = {}
  for _, d in ipairs(vim.diagnostic.get(buffer)) do
    if d.lnum == 2 and d.col == 8 then
      local lsp = d.user_data and d.user_data.lsp or {}
      table.insert(diagnostics, {
        range = {
          start = { line = d.lnum, character = d.col },
          ["end"] = { line = d.end_lnum, character = d.end_col },
        },
        message = d.message,
        code = d.code or lsp.code,
        source = d.source,
      })
    end
  end
  local action_params = {
    textDocument = vim.lsp.util.make_text_document_params(buffer),
    range = range,
    context = { diagnostics = diagnostics },
  }
  local responses =
    vim.lsp.buf_request_sync(buffer, "textDocument/codeAction", action_params, 10000) or {}
  local applied = false
  for id, response in pairs(responses) do
    for _, action in ipairs(response.result or {}) do
      if not applied and action.isPreferred and action.edit then
        local client = vim.lsp.get_client_by_id(id)
        vim.lsp.util.apply_workspace_edit(action.edit, client and client.offset_encoding or "utf-16")
        applied = true
      end
    end
  end
  check(applied, "no preferred quick fix on PARK2: " .. vim.inspect(responses))
  local line = vim.api.nvim_buf_get_lines(buffer, 2, 3, false)[1]
  check(line:find("Loss of PRKN impairs", 1, true) ~= nil, "after the fix: " .. line)
end)
if not ok then
  table.insert(failures, "error: " .. tostring(failure))
end
finish()
