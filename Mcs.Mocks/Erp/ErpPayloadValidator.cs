using Mcs.Contracts.Orders;

namespace Mcs.Mocks.Erp;

/// <summary>The ERP's business rules for a new order; a broken one is 422 and never retried.</summary>
public static class ErpPayloadValidator
{
    private const decimal Tolerance = 0.01m;

    public static Dictionary<string, string[]> Validate(ErpOrderPayload payload)
    {
        var errors = new Dictionary<string, string[]>();
        Require(errors, "external_ref", payload.ExternalRef);
        Require(errors, "company_code", payload.CompanyCode);
        Require(errors, "customer_num", payload.CustomerNum);
        Require(errors, "contract_no", payload.ContractNo);
        if (payload.Currency is not { Length: 3 } || !payload.Currency.All(char.IsAsciiLetterUpper))
        {
            errors["currency"] = ["must be an ISO 4217 code such as CNY, USD, EUR"];
        }
        if (payload.Lines.Count == 0)
        {
            errors["lines"] = ["an order needs at least one line"];
        }
        for (var i = 0; i < payload.Lines.Count; i++)
        {
            var line = payload.Lines[i];
            Require(errors, $"lines[{i}].sku", line.Sku);
            Require(errors, $"lines[{i}].unit", line.Unit);
            if (line.Quantity <= 0)
            {
                errors[$"lines[{i}].quantity"] = ["must be greater than 0"];
            }
            if (line.UnitPrice < 0)
            {
                errors[$"lines[{i}].unit_price"] = ["must not be negative"];
            }
            if (Math.Abs(line.Quantity * line.UnitPrice - line.Amount) > Tolerance)
            {
                errors[$"lines[{i}].amount"] = [$"is {line.Amount} but quantity × unit_price is {decimal.Round(line.Quantity * line.UnitPrice, 2)}"];
            }
        }
        if (payload.Lines.Select(line => line.LineNo).Distinct().Count() != payload.Lines.Count)
        {
            errors["lines"] = ["line_no values must be unique"];
        }
        var sum = payload.Lines.Sum(line => line.Amount);
        if (payload.Lines.Count > 0 && Math.Abs(sum - payload.TotalAmount) > Tolerance)
        {
            errors["total_amount"] = [$"is {payload.TotalAmount} but the lines add up to {sum}"];
        }
        return errors;
    }

    private static void Require(Dictionary<string, string[]> errors, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors[field] = ["is required"];
        }
    }
}
