package fr.cite.payments.domain;

/**
 * A priced day, with what explains it: the bracket, the quotient used (null: none valid, top
 * bracket), the tariff version, and the percentage of the bracket's price the case costs. {@code
 * amountCents = round_half_up(quantity × unitCents × percent / 100)}.
 */
public record PricedLine(
    Chargeable day,
    int unitCents,
    int percent,
    long amountCents,
    String bracket,
    long tariffId,
    int extraCents) {}
