/** Application clients built on bramble-core: private messaging (issue 3), later introductions, groups, forums, blogs. */
package org.thicket.messenger;
