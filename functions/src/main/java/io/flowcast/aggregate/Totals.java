package io.flowcast.aggregate;

import java.math.BigDecimal;

/**
 * Running totals of inventory transactions in one day or month: how many, the summed quantity
 * (volume) and the summed value (quantity x unit cost).
 */
public record Totals(long transactions, BigDecimal volume, BigDecimal value) {

    public static final Totals ZERO = new Totals(0, BigDecimal.ZERO, BigDecimal.ZERO);

    /** Adds ({@code sign = +1}) or removes ({@code -1}) one transaction. */
    public Totals apply(int sign, BigDecimal quantity, BigDecimal transactionValue) {
        return sign > 0
                ? new Totals(transactions + 1, volume.add(quantity), value.add(transactionValue))
                : new Totals(transactions - 1, volume.subtract(quantity), value.subtract(transactionValue));
    }

    public boolean isEmpty() {
        return transactions == 0;
    }

    /** Redis hash fields: transactions, volume, value (plain decimal text, exact). */
    public String[] toHashFields() {
        return new String[] {
            "transactions", Long.toString(transactions),
            "volume", volume.stripTrailingZeros().toPlainString(),
            "value", value.stripTrailingZeros().toPlainString()
        };
    }
}
