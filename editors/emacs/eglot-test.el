;;; eglot-test.el --- biolint through Emacs's eglot, in batch mode  -*- lexical-binding: t -*-
;;
;;   BIOLINT=target/release/biolint emacs --batch -l editors/emacs/eglot-test.el FILE.md
;;
;; Starts `biolint lsp' with eglot for FILE (in text-mode, as a plain Emacs has no
;; markdown-mode), waits for the server's diagnostics and prints them; exits 0 only when the
;; gene findings of the test manuscript arrived.

(require 'package)
(package-initialize)
(require 'eglot)
(require 'flymake)

(let* ((biolint (or (getenv "BIOLINT") "biolint"))
       (file (car command-line-args-left))
       (ok nil))
  (add-to-list 'eglot-server-programs `(text-mode . (,biolint "lsp")))
  (find-file file)
  (text-mode)
  (eglot-ensure)
  ;; eglot-ensure starts the server after the command loop's next turn; in batch mode, now.
  (run-hooks 'post-command-hook)
  (let ((deadline (+ (float-time) 30)))
    (while (and (not ok) (< (float-time) deadline))
      (accept-process-output nil 0.2)
      (let ((found (mapcar (lambda (d)
                             (format "%s:%s %s"
                                     (line-number-at-pos (flymake-diagnostic-beg d))
                                     (save-excursion (goto-char (flymake-diagnostic-beg d))
                                                     (current-column))
                                     (flymake-diagnostic-text d)))
                           (flymake-diagnostics))))
        (when (seq-some (lambda (f) (string-match-p "PARK2 is a previous HGNC symbol" f)) found)
          (setq ok t)
          (dolist (f found) (princ (format "%s\n" f)))))))
  (princ (if ok "emacs eglot: ok\n" "emacs eglot: FAILED, no diagnostics\n"))
  (kill-emacs (if ok 0 1)))
