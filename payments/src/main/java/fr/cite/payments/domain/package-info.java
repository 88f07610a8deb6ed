/** Money and payment abstractions shared by billing and the payment providers. */
package fr.cite.payments.domain;
