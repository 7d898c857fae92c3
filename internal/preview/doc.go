// Package preview owns `pkpm preview`: a local web server that shows every
// post the way Instagram will (feed item, profile grid) and the month of
// the posting plan, rebuilds posts in memory when their files change, and
// pushes reloads to open pages with server-sent events. It also writes
// contact sheets.
//
// Slides are built with build.Run in dry-run mode and served from memory:
// dist/slides, which `pkpm build` and `export` own, is never touched, and
// no request path ever reaches the file system. Every piece of state (the
// built site, the event hub, the watcher) belongs to one Server value.
//
// It must not import cobra or export: the CLI wires it up, and it does not
// know about bundles.
package preview
