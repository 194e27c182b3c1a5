package io.dashshare.adapter.http.edge;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.netty.channel.ChannelPipelineCustomizer;
import io.micronaut.http.server.netty.NettyServerCustomizer;
import io.micronaut.http.server.netty.configuration.NettyHttpServerConfiguration;
import io.netty.channel.Channel;
import io.netty.channel.ChannelPipeline;
import jakarta.inject.Singleton;

/**
 * Puts {@link EdgeChannelHandler} right behind the HTTP decoder of every connection (and of every
 * HTTP/2 stream), ahead of everything Micronaut adds, so that no answer leaves without passing it.
 */
@Singleton
final class EdgePipeline implements BeanCreatedEventListener<NettyServerCustomizer.Registry> {

    private static final String NAME = "dashshare-edge";

    private final EdgeChannelHandler.Limits limits;

    EdgePipeline(NettyHttpServerConfiguration server) {
        this.limits = new EdgeChannelHandler.Limits(server.getMaxInitialLineLength(), server.getMaxHeaderSize());
    }

    @Override
    public NettyServerCustomizer.Registry onCreated(BeanCreatedEvent<NettyServerCustomizer.Registry> event) {
        event.getBean().register(new Customizer(null, limits));
        return event.getBean();
    }

    private record Customizer(Channel channel, EdgeChannelHandler.Limits limits) implements NettyServerCustomizer {

        @Override
        public NettyServerCustomizer specializeForChannel(Channel channel, ChannelRole role) {
            return new Customizer(channel, limits);
        }

        @Override
        public void onStreamPipelineBuilt() {
            ChannelPipeline pipeline = channel.pipeline();
            if (pipeline.get(NAME) != null) {
                return;
            }
            if (pipeline.get(ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC) != null) {
                pipeline.addAfter(ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC, NAME, new EdgeChannelHandler(limits));
            } else if (pipeline.get(ChannelPipelineCustomizer.HANDLER_HTTP_DECODER) != null) {
                pipeline.addAfter(ChannelPipelineCustomizer.HANDLER_HTTP_DECODER, NAME, new EdgeChannelHandler(limits));
            }
        }
    }
}
