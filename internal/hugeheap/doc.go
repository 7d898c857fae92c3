// Package hugeheap asks Linux to back the first megabytes of the heap
// with 2 MB pages, for the commands that build, before any other package
// of pkpm allocates, on machines where page faults are costly.
//
// Where huge pages are given only on request ("madvise" in
// /sys/kernel/mm/transparent_hugepage/enabled, most distributions'
// default), the heap gets 4 KB pages: Go's runtime does not ask. Each is
// a page fault the first time it is touched, and a build touches tens of
// megabytes of fresh heap. On some of the 2-core virtual machines pkpm is
// measured on, a fault costs about 13 µs: 7,000 of them were a third of
// the CPU time of a 10-slide build. With huge pages it takes 2,000. On
// others a fault costs a tenth of that, and huge pages cost more than
// they save; the package times a few faults first (costlyFault).
//
// The package imports nothing but the runtime's own packages, so Go
// initialises it among the first (packages are initialised in the order
// of their import paths, each after those it imports): the heap then
// holds a few hundred kilobytes. Given when the build started, the
// advice came after the heap had grown to about 2 MB in 4 KB pages, and
// the block's own first megabyte, before the first 2 MB boundary, was
// not advised either: 4.4 MB of the 10-slide build's heap was in 4 KB
// pages, against 1.7 to 2.6 MB now (the block's first megabyte still
// is, wherever the runtime's randomised heap start puts it).
package hugeheap
