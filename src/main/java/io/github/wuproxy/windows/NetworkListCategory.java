package io.github.wuproxy.windows;

import com.sun.jna.platform.win32.COM.IComEnumVariantIterator;
import com.sun.jna.platform.win32.COM.util.Factory;
import com.sun.jna.platform.win32.OleAuto;
import com.sun.jna.platform.win32.Variant;
import io.github.wuproxy.core.location.NetworkCategory;
import io.github.wuproxy.windows.win32.NetListMgr;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the Network List Manager says of the connected networks: the strongest category (a
 * domain-authenticated network anywhere wins) and its name.
 */
final class NetworkListCategory {
    private static final Logger log = LoggerFactory.getLogger(NetworkListCategory.class);

    /** A connected network as Windows names and categorises it. */
    record Network(String name, NetworkCategory category) {}

    private NetworkListCategory() {}

    static List<Network> connected() {
        Factory factory = new Factory();
        List<Network> networks = new ArrayList<>();
        try {
            var manager = factory.createObject(NetListMgr.NetworkListManager.class);
            for (Variant.VARIANT item : IComEnumVariantIterator.wrap(manager.GetNetworks(NetListMgr.NLM_ENUM_NETWORK_CONNECTED))) {
                var network = factory.createProxy(NetListMgr.INetwork.class, (com.sun.jna.platform.win32.COM.IDispatch) item.getValue());
                OleAuto.INSTANCE.VariantClear(item);
                networks.add(new Network(network.GetName(), category(network.GetCategory())));
            }
        } catch (RuntimeException e) {
            log.warn("the Network List Manager did not answer ({}); the network category is unknown", e.getMessage());
        } finally {
            factory.disposeAll();
            factory.getComThread().terminate(10_000);
        }
        return networks;
    }

    static NetworkCategory category(int nlmCategory) {
        return switch (nlmCategory) {
            case NetListMgr.NLM_NETWORK_CATEGORY_DOMAIN_AUTHENTICATED -> NetworkCategory.DOMAIN_AUTHENTICATED;
            case NetListMgr.NLM_NETWORK_CATEGORY_PRIVATE -> NetworkCategory.PRIVATE;
            case NetListMgr.NLM_NETWORK_CATEGORY_PUBLIC -> NetworkCategory.PUBLIC;
            default -> NetworkCategory.UNKNOWN;
        };
    }

    /** The network that decides: domain-authenticated over private over public. */
    static Network strongest(List<Network> networks) {
        Network best = new Network("", NetworkCategory.UNKNOWN);
        for (Network n : networks) {
            if (best.category() == NetworkCategory.UNKNOWN || rank(n.category()) > rank(best.category())) {
                best = n;
            }
        }
        return best;
    }

    private static int rank(NetworkCategory category) {
        return switch (category) {
            case DOMAIN_AUTHENTICATED -> 3;
            case PRIVATE -> 2;
            case PUBLIC -> 1;
            default -> 0;
        };
    }
}
