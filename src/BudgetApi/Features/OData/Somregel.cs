using System.Linq.Expressions;
using Microsoft.AspNetCore.OData.Query.Expressions;
using Microsoft.OData.UriParser.Aggregation;

namespace BudgetApi.Features.OData;

/// <summary>
/// $apply's sum by the service's one rule for totals (<c>/v1/totalen</c>): a blank on any line makes the sum unknown (null), because
/// a sum with an unknown part is not a sum. OData's aggregation skips nulls, so without this a group with a blank line would give
/// the sum of the others, and a group of blanks 0, where the REST resources say null. The library's binder builds the aggregation;
/// this only puts "any blank? then null" around each sum of a nullable value in what it built.
/// </summary>
public sealed class Somregel : AggregationBinder
{
    public override Expression BindSelect(TransformationNode transformationNode, QueryBinderContext context) =>
        new Somherschrijver().Visit(base.BindSelect(transformationNode, context));

    private sealed class Somherschrijver : ExpressionVisitor
    {
        protected override Expression VisitMethodCall(MethodCallExpression aanroep)
        {
            aanroep = (MethodCallExpression)base.VisitMethodCall(aanroep);
            var methode = aanroep.Method;
            if (methode.Name != nameof(Enumerable.Sum) || aanroep.Arguments.Count != 2 || Nullable.GetUnderlyingType(methode.ReturnType) is null
                || (methode.DeclaringType != typeof(Enumerable) && methode.DeclaringType != typeof(Queryable))) return aanroep;
            var bron = aanroep.Arguments[0];
            var gequote = aanroep.Arguments[1] is UnaryExpression { NodeType: ExpressionType.Quote };
            var selectie = (LambdaExpression)(gequote ? ((UnaryExpression)aanroep.Arguments[1]).Operand : aanroep.Arguments[1]);
            var leeg = Expression.Lambda(Expression.Equal(selectie.Body, Expression.Constant(null, selectie.ReturnType)), selectie.Parameters);
            var element = selectie.Parameters[0].Type;
            var ergensLeeg = Expression.Call(methode.DeclaringType, nameof(Enumerable.Any), [element], bron, gequote ? Expression.Quote(leeg) : leeg);
            return Expression.Condition(ergensLeeg, Expression.Constant(null, methode.ReturnType), aanroep);
        }
    }
}
