// Package project owns what a project folder is: where its root is (the
// nearest pkpm.yaml upwards, else the folder a command runs in, with the
// embedded defaults), reading pkpm.yaml and calendar.yaml through their
// decoders, which files in posts/ are posts, and turning a post named on
// the command line (a file or a slug) into its file. The CLI, export and
// the preview all open projects here, so they agree on every rule.
//
// It reads files; it never writes any, and knows nothing of rendering.
package project
