package cli

import (
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"github.com/pkpm-btn3/pkpm/internal/build"
	"github.com/pkpm-btn3/pkpm/internal/diag"
	"github.com/pkpm-btn3/pkpm/internal/preview"
	projectpkg "github.com/pkpm-btn3/pkpm/internal/project"
)

// DefaultPreviewPort is where `pkpm preview` listens unless told.
const DefaultPreviewPort = 1414

// PreviewOptions are the options of `pkpm preview`.
type PreviewOptions struct {
	g     *globals
	Port  int
	Open  bool
	Bind  string
	Sheet string
	// ctx ends the server; nil means Main's, until Ctrl-C. openURL starts a
	// browser. Both are injected so tests run the server in-process.
	ctx     context.Context
	openURL func(string) error
}

func newPreviewCmd(g *globals, runF func(*PreviewOptions) error) *cobra.Command {
	opts := &PreviewOptions{g: g, openURL: openBrowser}
	cmd := &cobra.Command{
		Use:   "preview [--port <n>] [--open] [--bind <addr>] | --sheet <post>",
		Short: "Preview posts as Instagram will show them, live while writing",
		Long: `Start a local web server showing every post the way followers will see it:
the posts in planned order, each post as a feed item (carousel, caption cut
at "… more", alt text, check findings, grid-crop and safe-margin overlays),
and the profile grid. Saving a post, template, asset or pkpm.yaml rebuilds
what changed and reloads open pages.

The server listens on 127.0.0.1 only; --bind exposes it to other machines.
Slides are built in memory: dist/ is not touched. Stop it with Ctrl-C.

With --sheet, write dist/sheets/<slug>.png instead: every slide of one post,
numbered, on one picture small enough to send to a chat group for approval.`,
		Example: `  $ pkpm preview
  $ pkpm preview --port 0 --open
  $ pkpm preview --bind 0.0.0.0
  $ pkpm preview --sheet cara-memakai-masker`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if opts.Port < 0 || opts.Port > 65535 {
				return usageError("port %d is not between 0 and 65535", opts.Port)
			}
			if err := checkBind(opts.Bind); err != nil {
				return err
			}
			if opts.Sheet != "" {
				for _, f := range []string{"port", "open", "bind"} {
					if cmd.Flags().Changed(f) {
						return usageError("`--sheet` writes a file and starts no server; leave out `--%s`", f)
					}
				}
			}
			if runF != nil {
				return runF(opts)
			}
			if opts.Sheet != "" {
				return sheetRun(opts)
			}
			return previewRun(opts)
		},
	}
	cmd.Flags().IntVar(&opts.Port, "port", DefaultPreviewPort, "port to listen on; 0 picks a free one")
	cmd.Flags().BoolVar(&opts.Open, "open", false, "open the preview in the default browser")
	cmd.Flags().StringVar(&opts.Bind, "bind", "127.0.0.1", "`address` to listen on; anything but loopback exposes unpublished posts to the network")
	cmd.Flags().StringVar(&opts.Sheet, "sheet", "", "write a contact sheet of a `post` (file or slug) to dist/sheets/<slug>.png and exit")
	return cmd
}

// checkBind accepts a host name or IP address, without a port.
func checkBind(bind string) error {
	host := strings.Trim(bind, "[]")
	if host == "" {
		return usageError("`--bind` needs an address, like 127.0.0.1 or 0.0.0.0")
	}
	if _, _, err := net.SplitHostPort(bind); err == nil {
		return usageError("`--bind` takes an address without a port (%q); give the port with `--port`", bind)
	}
	if net.ParseIP(host) == nil && strings.ContainsAny(host, ":/ ") {
		return usageError("`--bind` %q is not an address; use one like 127.0.0.1 or 0.0.0.0", bind)
	}
	return nil
}

func previewRun(opts *PreviewOptions) error {
	s := opts.g.streams
	p, err := opts.g.openProject()
	if err != nil {
		return err
	}
	host := strings.Trim(opts.Bind, "[]")
	ln, err := net.Listen("tcp", net.JoinHostPort(host, strconv.Itoa(opts.Port)))
	if err != nil {
		if errors.Is(err, syscall.EADDRINUSE) {
			return &exitError{code: ExitFailure, err: fmt.Errorf("port %d is in use; choose another with `--port`, or `--port 0` for a free one", opts.Port)}
		}
		return &exitError{code: ExitFailure, err: fmt.Errorf("cannot listen on %s: %v", net.JoinHostPort(host, strconv.Itoa(opts.Port)), err)}
	}
	port := ln.Addr().(*net.TCPAddr).Port
	url := "http://" + net.JoinHostPort(urlHost(host), strconv.Itoa(port)) + "/"
	fmt.Fprintf(s.Out, "Preview at %s\n", url)
	if !isLoopbackBind(host) {
		fmt.Fprintf(s.Err, "%s the preview is open to other machines on the network%s; anyone who can reach it sees unpublished posts. Leave out `--bind` to keep it on this computer.\n",
			s.paint("33", "warning:"), reachableAt(host, port))
	}
	ctx := opts.ctx
	if ctx == nil {
		ctx = opts.g.context()
	}
	if opts.Open {
		if err := opts.openURL(url); err != nil {
			fmt.Fprintf(s.Err, "%s cannot open a browser (%v); open %s yourself\n", s.paint("33", "warning:"), err, url)
		}
	}
	srv := preview.New(preview.Config{Root: p.root, Project: p.cfg,
		// --now moves the preview's "now" too: which posts are scheduled,
		// which slots are free.
		Now:     func() time.Time { return opts.g.now(p.cfg.Location) },
		OnBuild: func(r preview.Report) { reportBuild(opts.g, r) }})
	if err := srv.Serve(ctx, ln); err != nil {
		return err
	}
	if !opts.g.quiet {
		fmt.Fprintln(s.Err, "preview stopped")
	}
	return nil
}

// reportBuild prints what a build did: problems always, a summary
// unless --quiet.
func reportBuild(g *globals, r preview.Report) {
	s := g.streams
	if r.Config != nil {
		fmt.Fprintf(s.Err, "%s%s (the last good settings stay in use)\n", s.paint("31", "error: "), r.Config)
	}
	printDiags(s, r.Diags)
	if g.quiet {
		return
	}
	for _, f := range r.Removed {
		fmt.Fprintf(s.Err, "removed %s\n", f)
	}
	if len(r.Posts) == 0 {
		return
	}
	what := fmt.Sprintf("%d %s", len(r.Posts), plural(len(r.Posts), "post"))
	if len(r.Posts) == 1 {
		what = r.Posts[0]
	}
	verb := "rebuilt"
	if r.Initial {
		verb = "built"
	}
	msg := fmt.Sprintf("%s %s: %s, in %s", s.paint("32;1", verb), what, slideCounts(r.Drawn, r.Slides-r.Drawn), round(r.Duration))
	if r.Failed > 0 {
		msg += fmt.Sprintf("; %d failed", r.Failed)
	}
	fmt.Fprintln(s.Err, msg)
}

// urlHost is the host to put in the printed address: the bound one, or
// loopback when bound to every interface.
func urlHost(host string) string {
	if ip := net.ParseIP(host); ip != nil && ip.IsUnspecified() {
		return "127.0.0.1"
	}
	return host
}

func isLoopbackBind(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// reachableAt lists the addresses a phone on the same network can use,
// when bound to every interface.
func reachableAt(host string, port int) string {
	ip := net.ParseIP(host)
	if ip == nil || !ip.IsUnspecified() {
		return ""
	}
	addrs, err := net.InterfaceAddrs()
	if err != nil {
		return ""
	}
	var urls []string
	for _, a := range addrs {
		if n, ok := a.(*net.IPNet); ok && n.IP.To4() != nil && !n.IP.IsLoopback() && !n.IP.IsLinkLocalUnicast() {
			urls = append(urls, "http://"+net.JoinHostPort(n.IP.String(), strconv.Itoa(port))+"/")
		}
	}
	if len(urls) == 0 {
		return ""
	}
	return " (" + strings.Join(urls, ", ") + ")"
}

// openBrowser asks the desktop to open a URL.
func openBrowser(url string) error {
	var cmd *exec.Cmd
	switch runtime.GOOS {
	case "darwin":
		cmd = exec.Command("open", url)
	case "windows":
		cmd = exec.Command("rundll32", "url.dll,FileProtocolHandler", url)
	default:
		cmd = exec.Command("xdg-open", url)
	}
	if err := cmd.Start(); err != nil {
		return err
	}
	go cmd.Wait() // reap it; the browser outlives the opener
	return nil
}

// sheetRun writes one post's contact sheet. Drawing and compressing the
// sheet comes after the build, and is paced as one.
func sheetRun(opts *PreviewOptions) error {
	build.HoldMemoryBound()
	s := opts.g.streams
	p, err := opts.g.openProject()
	if err != nil {
		return err
	}
	cwd, _ := os.Getwd()
	posts, err := projectpkg.Resolve(p.root, cwd, []string{opts.Sheet})
	if err != nil {
		return usageError("%v", err)
	}
	start := time.Now()
	res, err := preview.WriteSheet(opts.g.context(), preview.SheetOptions{Root: p.root, Project: p.cfg, Post: posts[0]})
	printDiags(s, res.Diags)
	if opts.g.context().Err() != nil {
		return interrupted("preview --sheet", "no sheet was written")
	}
	if err != nil {
		for _, d := range res.Diags {
			if d.Severity == diag.Error {
				return silent(ExitFailure) // printed above, with its file and line
			}
		}
		return err
	}
	if !opts.g.quiet {
		fmt.Fprintf(s.Err, "%s %d slides on one sheet, %s, in %s → %s\n", s.paint("32;1", "wrote"), res.Slides, humanBytes(res.Bytes), round(time.Since(start)), relTo(cwd, res.Path))
	}
	return nil
}

func humanBytes(n int) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%d KB", n/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}
