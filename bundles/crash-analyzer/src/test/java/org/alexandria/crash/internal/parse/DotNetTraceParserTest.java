package org.alexandria.crash.internal.parse;

import static org.alexandria.crash.internal.parse.Samples.describe;
import static org.assertj.core.api.Assertions.assertThat;

import org.alexandria.crash.internal.trace.ExceptionInfo;
import org.alexandria.crash.internal.trace.ParsedTrace;
import org.alexandria.crash.internal.trace.Platform;
import org.junit.jupiter.api.Test;

class DotNetTraceParserTest {

    @Test
    void givesTheFramesBeforeEndOfInnerExceptionToTheInnerException() {
        ParsedTrace trace = Samples.parsed("dotnet-framework.txt");

        assertThat(trace.platform()).isEqualTo(Platform.DOTNET);
        assertThat(trace.exceptions()).extracting(e -> e.type() + ": " + e.message() + " " + e.relation() + " " + e.parent())
                .containsExactly("System.InvalidOperationException: Failed to load order 42 THROWN -1",
                        "System.NullReferenceException: Object reference not set to an instance of an object. CAUSE 0");
        assertThat(describe(trace.rootCause().frames())).containsExactly(
                "Acme.Orders.OrderRepository|Load|C:\\src\\Acme.Orders\\OrderRepository.cs|57|app",
                "Acme.Orders.OrderService.<>c__DisplayClass3_0|<Get>b__0|C:\\src\\Acme.Orders\\OrderService.cs|31|app");
        assertThat(describe(trace.thrown().frames())).containsExactly(
                "Acme.Orders.OrderService|Get|C:\\src\\Acme.Orders\\OrderService.cs|35|app",
                "Acme.Web.Controllers.OrdersController|Show|C:\\src\\Acme.Web\\Controllers\\OrdersController.cs|22|app",
                "null|lambda_method|null|-1|app",
                "System.Web.Mvc.ActionMethodDispatcher|Execute|null|-1|lib");
    }

    @Test
    void readsDotNetCoreInnerExceptionLinesErrorCodesConstructorsAndAsyncBoundaries() {
        ParsedTrace trace = Samples.parsed("dotnet-core.txt");

        assertThat(trace.exceptions()).extracting(ExceptionInfo::type).containsExactly(
                "System.InvalidOperationException", "System.Net.Http.HttpRequestException",
                "System.Net.Sockets.SocketException");
        assertThat(trace.causalChain()).hasSize(3);
        assertThat(trace.rootCause().message()).isEqualTo("Connection refused");
        assertThat(trace.exceptions()).extracting(e -> e.frames().size()).containsExactly(4, 2, 2);
        assertThat(trace.thrown().frames()).extracting(f -> f.symbol()).containsExactly(
                "Acme.Shipping.ShippingService.ShipAsync", "Acme.Shipping.ShippingService..ctor",
                "Program.<Main>$", "Program.<Main>");
    }
}
