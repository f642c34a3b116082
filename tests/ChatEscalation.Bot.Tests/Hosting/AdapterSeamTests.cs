using System.Reflection;
using ChatEscalation.Bot.Scheduling;
using ChatEscalation.Bot.Slack;
using ChatEscalation.Persistence.Outbox;

namespace ChatEscalation.Bot.Tests.Hosting;

/// <summary>
/// The inbound seam's rules, checked on the built assembly (constructors, methods and route-handler lambdas of every adapter type):
/// adapters get what they need injected and never wake the outbox.
/// </summary>
public class AdapterSeamTests
{
    private static readonly string[] AdapterNamespaces =
    [
        "ChatEscalation.Bot.Slack", "ChatEscalation.Bot.Teams", "ChatEscalation.Bot.Local", "ChatEscalation.Bot.Dashboard", "ChatEscalation.Bot.Conversations",
    ];

    private static IEnumerable<Type> AdapterTypes() => typeof(SlackInbound).Assembly.GetTypes()
        .Where(t => t.Namespace is { } ns && AdapterNamespaces.Any(a => ns == a || ns.StartsWith(a + ".", StringComparison.Ordinal)))
        .Where(t => !Outermost(t).Name.EndsWith("Registration", StringComparison.Ordinal)); // start-up wiring may use the provider

    /// <summary>The type a lambda's compiler-generated closure class belongs to.</summary>
    private static Type Outermost(Type t) => t.DeclaringType is { } outer ? Outermost(outer) : t;

    private static IEnumerable<(Type Type, string Member, Type Parameter)> Parameters() =>
        from type in AdapterTypes()
        from method in type.GetConstructors(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance).Cast<MethodBase>()
            .Concat(type.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly))
        from parameter in method.GetParameters()
        select (type, method.Name, parameter.ParameterType);

    [Fact]
    public void Adapters_NeverTakeTheServiceProvider_EverythingIsInjected() =>
        Parameters().Where(p => p.Parameter == typeof(IServiceProvider)).Select(p => $"{p.Type.Name}.{p.Member}").ShouldBeEmpty();

    [Fact]
    public void Adapters_NeverWakeTheOutbox_TheWorkflowDoesAfterItsCommit() =>
        Parameters().Where(p => p.Parameter == typeof(OutboxSignal) || p.Parameter == typeof(IOutboxWakeup)).Select(p => $"{p.Type.Name}.{p.Member}").ShouldBeEmpty();
}
