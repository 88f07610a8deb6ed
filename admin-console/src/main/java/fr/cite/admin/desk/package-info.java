/** The agents' side of requests in the town console: the queue, a request, the counts. */
package fr.cite.admin.desk;
