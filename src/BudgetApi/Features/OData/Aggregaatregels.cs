using Microsoft.OData;
using Microsoft.OData.UriParser;
using Microsoft.OData.UriParser.Aggregation;

namespace BudgetApi.Features.OData;

/// <summary>
/// What $apply may compute. Money is exact integer thousands of euros from file to answer, so the feed offers the aggregates
/// that keep it so over a property as it is: sum, min, max, countdistinct and $count, grouped and filtered. average (a
/// floating-point Edm.Double), compute and aggregates over an expression ('Bedrag mul 1.5', 'Bedrag divby 3': Edm.Decimal) would
/// put a figure in the answer that is not one the sources give; they are refused with a 400 that says what to do instead.
/// </summary>
public static class Aggregaatregels
{
    public static void Controleer(ApplyClause clause)
    {
        foreach (var stap in clause.Transformations) Controleer(stap);
    }

    private static void Controleer(TransformationNode stap)
    {
        switch (stap)
        {
            case AggregateTransformationNode aggregatie:
                foreach (var expressie in aggregatie.AggregateExpressions) Controleer(expressie);
                break;
            case GroupByTransformationNode groepering when groepering.ChildTransformations is not null:
                Controleer(groepering.ChildTransformations);
                break;
            case ComputeTransformationNode:
                throw new ODataException("compute wordt in $apply niet ondersteund: een berekende waarde is geen bedrag uit de bron. Tel met sum en reken daarna zelf.");
        }
    }

    private static void Controleer(AggregateExpressionBase expressie)
    {
        switch (expressie)
        {
            case AggregateExpression { Method: AggregationMethod.Average } gemiddelde:
                throw new ODataException($"average ('{gemiddelde.Alias}') wordt niet ondersteund: een gemiddelde is een kommagetal (Edm.Double), en bedragen blijven " +
                                         "exacte gehele getallen. Vraag sum en $count (aggregate(Bedrag with sum as Som,$count as Aantal)) en deel zelf.");
            case AggregateExpression { Method: not AggregationMethod.VirtualPropertyCount } enkel when !IsEigenschap(enkel.Expression):
                throw new ODataException($"'{enkel.Alias}' aggregeert een uitdrukking; alleen een eigenschap zoals hij is mag (Bedrag with sum as …), " +
                                         "zodat elk getal in het antwoord een som, minimum of maximum van bedragen uit de bron is.");
            case EntitySetAggregateExpression verzameling:
                foreach (var kind in verzameling.Children) Controleer(kind);
                break;
        }
    }

    /// <summary>A property as it is, also of a complex property (Bronnen/…), never an expression over it.</summary>
    private static bool IsEigenschap(SingleValueNode? knoop) => knoop switch
    {
        SingleValuePropertyAccessNode => true,
        ConvertNode omzetting => IsEigenschap(omzetting.Source),
        _ => false,
    };
}
