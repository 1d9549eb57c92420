-- biolint for Neovim: starts `biolint lsp` for manuscripts.
--
--   require("biolint").setup({
--     cmd = { "biolint", "lsp" },   -- the server's whole command line
--     filetypes = { "markdown", "tex", "plaintex", "text", "rmd", "quarto" },
--     settings = { rules = { ["gene/alias"] = "warning" }, allow = { "CX43" } },
--   })
--
-- `settings` takes the keys of biolint.toml (allow, species, dictionaries, references, rules);
-- they reach the server as initializationOptions and as workspace settings. Neovim 0.11+
-- registers the server with vim.lsp.config/vim.lsp.enable; 0.8 to 0.10 start it with
-- vim.lsp.start; 0.7 with vim.lsp.start_client and vim.lsp.buf_attach_client.

local M = {}

M.defaults = {
  cmd = { "biolint", "lsp" },
  filetypes = { "markdown", "tex", "plaintex", "text", "rmd", "quarto" },
  settings = {},
  -- A project is the folder of the nearest biolint.toml (or repository).
  root_markers = { "biolint.toml", ".git" },
  on_attach = nil,
  capabilities = nil,
}

-- The folder above `path` that holds one of `markers`, else the file's own folder.
local function root_dir(path, markers)
  local dir = vim.fn.fnamemodify(path, ":p:h")
  for _, marker in ipairs(markers) do
    local found = vim.fn.findfile(marker, dir .. ";")
    if found == "" then
      found = vim.fn.finddir(marker, dir .. ";")
    end
    if found ~= "" then
      return vim.fn.fnamemodify(found, ":p:h"):gsub("/%.git/?$", "")
    end
  end
  return dir
end

-- The configuration the server is started with, for a buffer in `root`.
local function client_config(options, root)
  return {
    name = "biolint",
    cmd = options.cmd,
    root_dir = root,
    init_options = options.settings,
    settings = { biolint = options.settings },
    on_attach = options.on_attach,
    capabilities = options.capabilities,
  }
end

local function executable_or_warn(cmd)
  if vim.fn.executable(cmd[1]) == 1 then
    return true
  end
  vim.notify(
    ("biolint: %s not found; install it (cargo install --path . in the biolint repository) "
      .. "or set cmd in require('biolint').setup()"):format(cmd[1]),
    vim.log.levels.WARN
  )
  return false
end

function M.setup(opts)
  local options = vim.tbl_deep_extend("force", {}, M.defaults, opts or {})
  -- Lists replace, they do not merge.
  if opts and opts.cmd then
    options.cmd = opts.cmd
  end
  if opts and opts.filetypes then
    options.filetypes = opts.filetypes
  end
  M.options = options

  if vim.lsp.config and vim.lsp.enable then
    local config = client_config(options, nil)
    config.root_dir = nil
    config.filetypes = options.filetypes
    config.root_markers = options.root_markers
    vim.lsp.config("biolint", config)
    vim.lsp.enable("biolint")
    return
  end

  local warned = false
  local clients = {} -- Neovim 0.7: one client per root.
  local group = vim.api.nvim_create_augroup("biolint", { clear = true })
  vim.api.nvim_create_autocmd("FileType", {
    group = group,
    pattern = options.filetypes,
    callback = function(args)
      local buffer = args.buf
      if not warned and not executable_or_warn(options.cmd) then
        warned = true
        return
      end
      local root = root_dir(vim.api.nvim_buf_get_name(buffer), options.root_markers)
      local config = client_config(options, root)
      if vim.lsp.start then
        vim.lsp.start(config, { bufnr = buffer })
        return
      end
      local id = clients[root]
      if not id or not vim.lsp.get_client_by_id(id) then
        id = vim.lsp.start_client(config)
        clients[root] = id
      end
      if id then
        vim.lsp.buf_attach_client(buffer, id)
      end
    end,
  })
end

return M
